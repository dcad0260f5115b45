package io.laminardb.sql.codegen;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** +, -, *, /, % and unary minus for integers (checked), doubles, decimals and date-time values. */
final class ArithmeticCode {
  private static final String CHECKED = "io.laminardb.core.function.Arithmetic.";
  private static final String TEMPORAL = "io.laminardb.core.function.DateTimeFunctions.";

  private ArithmeticCode() {}

  static Value binary(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    RelDataType resultType = call.getType();
    RelDataType leftType = call.getOperands().get(0).getType();
    RelDataType rightType = call.getOperands().get(1).getType();
    Value a = compiler.compile(call.getOperands().get(0), code);
    Value b = compiler.compile(call.getOperands().get(1), code);
    SqlKind kind = call.getKind();
    String expr = temporal(kind, resultType, leftType, rightType, a, b);
    JavaType out = JavaType.of(resultType);
    if (expr == null) {
      expr = switch (out) {
        case LONG -> integer(kind, resultType, a, b);
        case DOUBLE -> floating(kind, resultType, a, b);
        case DECIMAL -> decimal(kind, resultType, a, b);
        default -> throw ExpressionCompiler.unsupported("arithmetic on " + resultType);
      };
    }
    Value result = compiler.declareValue(out, code);
    String nulls = ExpressionCompiler.nullEither(a, b);
    if (nulls == null) {
      code.append(result.value()).append(" = ").append(expr).append(";\n");
    } else {
      code.append("if (").append(nulls).append(") { ").append(result.isNull())
          .append(" = true; } else { ").append(result.value()).append(" = ").append(expr).append("; }\n");
    }
    return result;
  }

  static Value negate(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    Value a = compiler.compile(call.getOperands().get(0), code);
    String expr = switch (a.type()) {
      case LONG -> narrow(call.getType(), CHECKED + "negate(" + a.value() + ")");
      case DOUBLE -> "(-" + a.value() + ")";
      case DECIMAL -> a.value() + ".negate()";
      default -> throw ExpressionCompiler.unsupported("negation of " + call.getType());
    };
    Value result = compiler.declareValue(a.type(), code);
    code.append("if (").append(a.isNull()).append(") { ").append(result.isNull())
        .append(" = true; } else { ").append(result.value()).append(" = ").append(expr).append("; }\n");
    return result;
  }

  private static String integer(SqlKind kind, RelDataType type, Value a, Value b) {
    String fn = switch (kind) {
      case PLUS, CHECKED_PLUS -> "add";
      case MINUS, CHECKED_MINUS -> "subtract";
      case TIMES, CHECKED_TIMES -> "multiply";
      case DIVIDE, CHECKED_DIVIDE -> "divide";
      default -> "remainder";
    };
    return narrow(type, CHECKED + fn + "(" + asLong(a) + ", " + asLong(b) + ")");
  }

  private static String asLong(Value v) {
    return v.type() == JavaType.DOUBLE ? "io.laminardb.core.function.Casts.toLong(" + v.value() + ")"
        : v.value();
  }

  static String narrow(RelDataType type, String expr) {
    return switch (type.getSqlTypeName()) {
      case INTEGER -> CHECKED + "checkInt(" + expr + ")";
      case SMALLINT, TINYINT -> CHECKED + "checkSmallint(" + expr + ")";
      default -> expr;
    };
  }

  private static String floating(SqlKind kind, RelDataType type, Value a, Value b) {
    String av = toDouble(a);
    String bv = toDouble(b);
    String expr = switch (kind) {
      case PLUS, CHECKED_PLUS -> av + " + " + bv;
      case MINUS, CHECKED_MINUS -> av + " - " + bv;
      case TIMES, CHECKED_TIMES -> av + " * " + bv;
      case DIVIDE, CHECKED_DIVIDE -> av + " / " + bv;
      default -> av + " % " + bv;
    };
    return type.getSqlTypeName() == SqlTypeName.REAL ? "(double) (float) (" + expr + ")" : "(" + expr + ")";
  }

  private static String toDouble(Value v) {
    return switch (v.type()) {
      case DECIMAL -> v.value() + ".doubleValue()";
      case LONG -> "(double) " + v.value();
      default -> v.value();
    };
  }

  private static String decimal(SqlKind kind, RelDataType type, Value a, Value b) {
    String av = toDecimal(a);
    String bv = toDecimal(b);
    int scale = Math.max(0, type.getScale());
    String expr = switch (kind) {
      case PLUS, CHECKED_PLUS -> av + ".add(" + bv + ")";
      case MINUS, CHECKED_MINUS -> av + ".subtract(" + bv + ")";
      case TIMES, CHECKED_TIMES -> av + ".multiply(" + bv + ")";
      case DIVIDE, CHECKED_DIVIDE -> "io.laminardb.core.function.DecimalFunctions.divide(" + av + ", " + bv
          + ", " + scale + ")";
      default -> "io.laminardb.core.function.DecimalFunctions.remainder(" + av + ", " + bv + ")";
    };
    return "io.laminardb.core.function.Casts.rescale(" + expr + ", " + scale + ")";
  }

  private static String toDecimal(Value v) {
    return switch (v.type()) {
      case LONG, DOUBLE -> "java.math.BigDecimal.valueOf(" + v.value() + ")";
      default -> v.value();
    };
  }

  /** Date-time arithmetic, or null when neither side is a date-time. */
  private static String temporal(SqlKind kind, RelDataType result, RelDataType left, RelDataType right,
      Value a, Value b) {
    boolean leftTemporal = SqlTypeFamily.DATETIME.contains(left);
    boolean rightTemporal = SqlTypeFamily.DATETIME.contains(right);
    if (!leftTemporal && !rightTemporal) {
      return null;
    }
    boolean minus = kind == SqlKind.MINUS || kind == SqlKind.CHECKED_MINUS;
    if (leftTemporal && rightTemporal) {
      // date-time minus date-time: an interval in milliseconds (or months).
      String l = toMillis(left, a.value());
      String r = toMillis(right, b.value());
      if (SqlTypeFamily.INTERVAL_YEAR_MONTH.contains(result)) {
        return TEMPORAL + "monthsBetween(" + l + ", " + r + ")";
      }
      return CHECKED + "subtract(" + l + ", " + r + ")";
    }
    Value time = leftTemporal ? a : b;
    Value interval = leftTemporal ? b : a;
    RelDataType timeType = leftTemporal ? left : right;
    RelDataType intervalType = leftTemporal ? right : left;
    String amount = minus ? CHECKED + "negate(" + interval.value() + ")" : interval.value();
    if (SqlTypeFamily.INTERVAL_YEAR_MONTH.contains(intervalType)) {
      return switch (timeType.getSqlTypeName()) {
        case DATE -> TEMPORAL + "addMonthsToDate(" + time.value() + ", " + amount + ")";
        default -> TEMPORAL + "addMonths(" + time.value() + ", " + amount + ")";
      };
    }
    return switch (timeType.getSqlTypeName()) {
      case DATE -> "(" + time.value() + " + Math.floorDiv(" + amount + ", 86400000L))";
      case TIME -> "Math.floorMod(" + time.value() + " + " + amount + ", 86400000L)";
      default -> CHECKED + "add(" + time.value() + ", " + amount + ")";
    };
  }

  private static String toMillis(RelDataType type, String value) {
    return type.getSqlTypeName() == SqlTypeName.DATE ? "(" + value + " * 86400000L)" : value;
  }
}
