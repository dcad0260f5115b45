package io.laminardb.sql.codegen;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.operator.calc.CalcKernel;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Schema;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.codehaus.janino.ClassBodyEvaluator;

/**
 * Compiles a filter plus projections over one input into a {@link CalcKernel} class with Janino: one
 * tight loop over primitive column arrays, no boxing, no per-row allocation beyond created values.
 */
public final class CalcCompiler {
  private final FunctionLibrary functions;

  public CalcCompiler(FunctionLibrary functions) {
    this.functions = functions;
  }

  /**
   * @param condition the filter, or null
   * @param projections one expression per output column, over the input columns
   */
  public Supplier<CalcKernel> compile(Schema input, RelDataType inputType, RexNode condition,
      List<RexNode> projections, Schema output) {
    String source = generate(input, inputType, condition, projections, output);
    try {
      ClassBodyEvaluator evaluator = new ClassBodyEvaluator();
      evaluator.setParentClassLoader(CalcKernel.class.getClassLoader());
      evaluator.setImplementedInterfaces(new Class<?>[] {CalcKernel.class});
      evaluator.setClassName("io.laminardb.generated.Calc");
      evaluator.cook(source);
      Constructor<?> constructor = evaluator.getClazz().getConstructor();
      return () -> {
        try {
          return (CalcKernel) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
          throw new LaminarException(ErrorCode.INTERNAL, "cannot instantiate compiled expression", e);
        }
      };
    } catch (Exception e) {
      throw new LaminarException(ErrorCode.INTERNAL, "expression compilation failed: " + e.getMessage()
          + "\n" + source, e);
    }
  }

  String generate(Schema input, RelDataType inputType, RexNode condition, List<RexNode> projections,
      Schema output) {
    TreeMap<Integer, DataType> used = new TreeMap<>();
    ExpressionCompiler compiler = new ExpressionCompiler(functions, (index, code) -> {
      DataType type = input.field(index).type();
      used.put(index, type);
      String nulls = "inN" + index + "[r]";
      String raw = "inV" + index + "[r]";
      JavaType jt = JavaType.of(inputType.getFieldList().get(index).getType());
      String value = switch (jt) {
        case BOOLEAN -> "(" + raw + " != 0L)";
        case LONG, DOUBLE -> raw;
        default -> "((" + jt.javaName + ") " + raw + ")";
      };
      return new Value(type.nullable() ? nulls : "false", value, jt);
    });
    StringBuilder loop = new StringBuilder();
    if (condition != null) {
      Value c = compiler.compile(condition, loop);
      loop.append("if (").append(c.isNull()).append(" || !").append(c.value()).append(") { continue; }\n");
    }
    for (int i = 0; i < projections.size(); i++) {
      RexNode p = projections.get(i);
      Value v = compiler.compile(p, loop);
      DataType outType = output.field(i).type();
      String stored = switch (outType.storage()) {
        case LONG -> v.type() == JavaType.BOOLEAN ? "(" + v.value() + " ? 1L : 0L)" : v.value();
        case DOUBLE -> v.type() == JavaType.LONG ? "(double) " + v.value() : v.value();
        case OBJECT -> v.value();
      };
      if (v.neverNull()) {
        loop.append("outV").append(i).append("[o] = ").append(stored).append("; outN").append(i)
            .append("[o] = false;\n");
      } else {
        loop.append("if (").append(v.isNull()).append(") { outN").append(i).append("[o] = true; outV")
            .append(i).append("[o] = ").append(zeroStored(outType)).append("; } else { outN").append(i)
            .append("[o] = false; outV").append(i).append("[o] = ").append(stored).append("; }\n");
      }
    }
    StringBuilder src = new StringBuilder();
    for (String field : compiler.fields()) {
      src.append(field).append('\n');
    }
    src.append("public int apply(io.laminardb.core.batch.Batch in, io.laminardb.core.batch.Batch out, ")
        .append("io.laminardb.core.operator.EvalContext ctx) {\n");
    src.append("final int n = in.rowCount();\nout.ensureCapacity(n);\n");
    for (var e : used.entrySet()) {
      int i = e.getKey();
      String columnClass = columnClass(e.getValue());
      src.append("final ").append(arrayType(e.getValue())).append(" inV").append(i).append(" = ((")
          .append(columnClass).append(") in.column(").append(i).append(")).values;\n");
      src.append("final boolean[] inN").append(i).append(" = in.column(").append(i).append(").nulls;\n");
    }
    for (int i = 0; i < projections.size(); i++) {
      DataType t = output.field(i).type();
      src.append("final ").append(arrayType(t)).append(" outV").append(i).append(" = ((")
          .append(columnClass(t)).append(") out.column(").append(i).append(")).values;\n");
      src.append("final boolean[] outN").append(i).append(" = out.column(").append(i).append(").nulls;\n");
    }
    src.append("int o = 0;\nfor (int r = 0; r < n; r++) {\n").append(loop).append("o++;\n}\nreturn o;\n}\n");
    return src.toString();
  }

  private static String zeroStored(DataType t) {
    return switch (t.storage()) {
      case LONG -> "0L";
      case DOUBLE -> "0d";
      case OBJECT -> "null";
    };
  }

  private static String columnClass(DataType t) {
    return switch (t.storage()) {
      case LONG -> "io.laminardb.core.batch.LongColumn";
      case DOUBLE -> "io.laminardb.core.batch.DoubleColumn";
      case OBJECT -> "io.laminardb.core.batch.ObjectColumn";
    };
  }

  private static String arrayType(DataType t) {
    return switch (t.storage()) {
      case LONG -> "long[]";
      case DOUBLE -> "double[]";
      case OBJECT -> "Object[]";
    };
  }
}
