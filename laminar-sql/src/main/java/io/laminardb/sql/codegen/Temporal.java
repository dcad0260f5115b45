package io.laminardb.sql.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/** EXTRACT (and DATE_PART), DATE_TRUNC and FLOOR/CEIL(ts TO unit), over timestamps and dates. */
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

  /**
   * DATE_TRUNC('unit', timestamp or date): the start of the unit, as a TIMESTAMP. A literal unit is
   * checked when the query is created.
   */
  static Value dateTrunc(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    RexNode unitNode = call.getOperands().get(0);
    RexNode operand = call.getOperands().get(1);
    if (unitNode instanceof RexLiteral literal && !literal.isNull()) {
      String unit = ExpressionCompiler.stringValue(literal);
      if (!io.laminardb.core.function.DateTimeFunctions.isTruncUnit(unit)) {
        throw new io.laminardb.common.error.LaminarException(
            io.laminardb.common.error.ErrorCode.SQL_UNSUPPORTED, "unknown date_trunc unit '" + unit + "'");
      }
    }
    Value unit = compiler.compile(unitNode, code);
    Value v = compiler.compile(operand, code);
    String expr = FN + "truncate(" + unit.value() + ", " + toMillis(operand.getType(), v.value()) + ")";
    Value out = compiler.declareValue(JavaType.LONG, code);
    String nulls = ExpressionCompiler.nullEither(unit, v);
    if (nulls == null) {
      code.append(out.value()).append(" = ").append(expr).append(";\n");
    } else {
      code.append("if (").append(nulls).append(") { ").append(out.isNull()).append(" = true; } else { ")
          .append(out.value()).append(" = ").append(expr).append("; }\n");
    }
    return out;
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
