package io.laminardb.sql.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/** EXTRACT and FLOOR/CEIL(ts TO unit). */
final class Temporal {
  private static final String FN = "io.laminardb.core.function.DateTimeFunctions.";

  private Temporal() {}

  static Value extract(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    String unit = ExpressionCompiler.stringValue((RexLiteral) call.getOperands().get(0));
    RexNode operand = call.getOperands().get(1);
    Value v = compiler.compile(operand, code);
    String millis = toMillis(operand.getType(), v.value());
    String expr = FN + "extract(" + ExpressionCompiler.javaString(unit) + ", " + millis + ")";
    return strict(compiler, v, expr, JavaType.LONG, code);
  }

  static Value floorCeil(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    String unit = ExpressionCompiler.stringValue((RexLiteral) ops.get(1));
    RexNode operand = ops.get(0);
    Value v = compiler.compile(operand, code);
    String method = call.getKind() == org.apache.calcite.sql.SqlKind.FLOOR ? "truncate" : "ceil";
    String millis = toMillis(operand.getType(), v.value());
    String expr = FN + method + "(" + ExpressionCompiler.javaString(unit) + ", " + millis + ")";
    if (operand.getType().getSqlTypeName() == SqlTypeName.DATE) {
      expr = "Math.floorDiv(" + expr + ", 86400000L)";
    }
    return strict(compiler, v, expr, JavaType.LONG, code);
  }

  private static String toMillis(RelDataType type, String value) {
    return switch (type.getSqlTypeName()) {
      case DATE -> "(" + value + " * 86400000L)";
      default -> value;
    };
  }

  private static Value strict(ExpressionCompiler compiler, Value in, String expr, JavaType type,
      StringBuilder code) {
    Value out = compiler.declareValue(type, code);
    code.append("if (").append(in.isNull()).append(") { ").append(out.isNull())
        .append(" = true; } else { ").append(out.value()).append(" = ").append(expr).append("; }\n");
    return out;
  }
}
