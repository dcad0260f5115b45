package io.laminardb.sql.codegen;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** CAST between SQL types, in internal representations. */
final class Casting {
  private static final String CASTS = "io.laminardb.core.function.Casts.";

  private Casting() {}

  static Value cast(ExpressionCompiler compiler, Value in, RelDataType from, RelDataType to,
      StringBuilder code) {
    JavaType target = JavaType.of(to);
    String expr = convert(in.value(), from.getSqlTypeName(), to, in.type());
    if (expr.equals(in.value()) && in.type() == target) {
      return in;
    }
    Value out = compiler.declareValue(target, code);
    if (in.neverNull()) {
      code.append(out.value()).append(" = ").append(expr).append(";\n");
    } else {
      code.append("if (").append(in.isNull()).append(") { ").append(out.isNull())
          .append(" = true; } else { ").append(out.value()).append(" = ").append(expr).append("; }\n");
    }
    return out;
  }

  private static String convert(String v, SqlTypeName from, RelDataType toType, JavaType fromJava) {
    SqlTypeName to = toType.getSqlTypeName();
    if (from == SqlTypeName.NULL) {
      return JavaType.of(toType).zero;
    }
    return switch (to) {
      case BOOLEAN -> switch (fromJava) {
        case BOOLEAN -> v;
        case STRING -> CASTS + "toBoolean(" + v + ")";
        case LONG -> "(" + v + " != 0L)";
        case DOUBLE -> "(" + v + " != 0d)";
        default -> "(" + v + ".signum() != 0)";
      };
      case TINYINT, SMALLINT, INTEGER, BIGINT -> ArithmeticCode.narrow(toType, switch (fromJava) {
        case LONG -> isTemporal(from) ? v : v;
        case DOUBLE -> CASTS + "toLong(" + v + ")";
        case DECIMAL -> CASTS + "toLong(" + v + ")";
        case STRING -> CASTS + "toLong(" + v + ")";
        case BOOLEAN -> "(" + v + " ? 1L : 0L)";
        default -> throw unsupported(from, to);
      });
      case REAL, FLOAT, DOUBLE -> {
        String d = switch (fromJava) {
          case DOUBLE -> v;
          case LONG -> "(double) " + v;
          case DECIMAL -> v + ".doubleValue()";
          case STRING -> CASTS + "toDouble(" + v + ")";
          case BOOLEAN -> "(" + v + " ? 1d : 0d)";
          default -> throw unsupported(from, to);
        };
        yield to == SqlTypeName.REAL ? "(double) (float) " + d : d;
      }
      case DECIMAL -> {
        int scale = Math.max(0, toType.getScale());
        yield switch (fromJava) {
          case DECIMAL -> CASTS + "rescale(" + v + ", " + scale + ")";
          case LONG -> CASTS + "toDecimal(" + v + ", " + scale + ")";
          case DOUBLE -> CASTS + "toDecimal(" + v + ", " + scale + ")";
          case STRING -> CASTS + "toDecimal(" + v + ", " + scale + ")";
          default -> throw unsupported(from, to);
        };
      }
      case CHAR, VARCHAR -> switch (from) {
        case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> CASTS + "timestampToString(" + v + ")";
        case DATE -> CASTS + "dateToString(" + v + ")";
        case TIME -> CASTS + "timeToString(" + v + ")";
        default -> switch (fromJava) {
          case STRING -> v;
          case LONG -> "Long.toString(" + v + ")";
          case DOUBLE -> CASTS + "toString(" + v + ")";
          case DECIMAL -> CASTS + "toString(" + v + ")";
          case BOOLEAN -> CASTS + "toString(" + v + ")";
          case BYTES -> "java.util.HexFormat.of().formatHex(" + v + ")";
          default -> throw unsupported(from, to);
        };
      };
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> switch (from) {
        case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> v;
        case DATE -> CASTS + "dateToTimestamp(" + v + ")";
        case CHAR, VARCHAR -> CASTS + "toTimestamp(" + v + ")";
        case BIGINT, INTEGER, SMALLINT, TINYINT -> v;
        default -> throw unsupported(from, to);
      };
      case DATE -> switch (from) {
        case DATE -> v;
        case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> CASTS + "timestampToDate(" + v + ")";
        case CHAR, VARCHAR -> CASTS + "toDate(" + v + ")";
        default -> throw unsupported(from, to);
      };
      case TIME -> switch (from) {
        case TIME -> v;
        case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> CASTS + "timestampToTime(" + v + ")";
        case CHAR, VARCHAR -> CASTS + "toTime(" + v + ")";
        default -> throw unsupported(from, to);
      };
      case BINARY, VARBINARY -> switch (fromJava) {
        case BYTES -> v;
        case STRING -> v + ".getBytes(java.nio.charset.StandardCharsets.UTF_8)";
        default -> throw unsupported(from, to);
      };
      default -> {
        if (JavaType.of(toType) == fromJava) {
          yield v;
        }
        throw unsupported(from, to);
      }
    };
  }

  private static boolean isTemporal(SqlTypeName t) {
    return t == SqlTypeName.TIMESTAMP || t == SqlTypeName.DATE || t == SqlTypeName.TIME;
  }

  private static RuntimeException unsupported(SqlTypeName from, SqlTypeName to) {
    return new io.laminardb.common.error.LaminarException(
        io.laminardb.common.error.ErrorCode.SQL_TYPE_MISMATCH, "cannot CAST " + from + " to " + to);
  }
}
