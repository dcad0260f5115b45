package io.laminardb.sql.codegen;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.function.DateUnit;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * EXTRACT (and DATE_PART), DATE_TRUNC and FLOOR/CEIL(ts TO unit), over timestamps and dates. A literal
 * unit is checked when the query is created and compiled to a {@link DateUnit} constant; a unit from data
 * is looked up per row.
 */
final class Temporal {
  private static final String FN = "io.laminardb.core.function.DateTimeFunctions.";

  private Temporal() {}

  static Value extract(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    return apply(compiler, "extract", ops.get(0), ops.get(1), false, code);
  }

  /** DATE_TRUNC('unit', timestamp or date): the start of the unit, as a TIMESTAMP. */
  static Value dateTrunc(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    return apply(compiler, "truncate", ops.get(0), ops.get(1), true, code);
  }

  static Value floorCeil(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    String method = call.getKind() == SqlKind.FLOOR ? "truncate" : "ceil";
    Value v = apply(compiler, method, ops.get(1), ops.get(0), true, code);
    if (ops.get(0).getType().getSqlTypeName() != SqlTypeName.DATE) {
      return v;
    }
    Value days = compiler.declareValue(JavaType.LONG, code);
    code.append(days.isNull()).append(" = ").append(v.isNull()).append("; ").append(days.value())
        .append(" = Math.floorDiv(").append(v.value()).append(", 86400000L);\n");
    return days;
  }

  private static Value apply(ExpressionCompiler compiler, String method, RexNode unitNode, RexNode operand,
      boolean forTruncation, StringBuilder code) {
    String unit;
    Value unitValue = null;
    if (unitNode instanceof RexLiteral literal && !literal.isNull()) {
      unit = DateUnit.class.getName() + "." + constantUnit(ExpressionCompiler.stringValue(literal), forTruncation,
          method);
    } else {
      unitValue = compiler.compile(unitNode, code);
      unit = unitValue.value();
    }
    Value v = compiler.compile(operand, code);
    String expr = FN + method + "(" + unit + ", " + toMillis(operand.getType(), v.value()) + ")";
    Value out = compiler.declareValue(JavaType.LONG, code);
    String nulls = unitValue == null ? (v.neverNull() ? null : v.isNull()) : ExpressionCompiler.nullEither(
        unitValue, v);
    if (nulls == null) {
      code.append(out.value()).append(" = ").append(expr).append(";\n");
    } else {
      code.append("if (").append(nulls).append(") { ").append(out.isNull()).append(" = true; } else { ")
          .append(out.value()).append(" = ").append(expr).append("; }\n");
    }
    return out;
  }

  private static String constantUnit(String name, boolean forTruncation, String method) {
    DateUnit unit = DateUnit.of(name);
    if (unit == null || (forTruncation && !unit.isTruncatable())) {
      String function = method.equals("extract") ? "date_part" : method.equals("ceil") ? "ceil" : "date_trunc";
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, function + " unit '" + name
          + "' is not recognized");
    }
    return unit.name();
  }

  private static String toMillis(RelDataType type, String value) {
    return type.getSqlTypeName() == SqlTypeName.DATE ? "(" + value + " * 86400000L)" : value;
  }
}
