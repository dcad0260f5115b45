package io.laminardb.sql.codegen;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import org.apache.calcite.rel.type.RelDataType;

/** The Java local type compiled code uses for a SQL type. */
enum JavaType {
  BOOLEAN("boolean", "false"),
  LONG("long", "0L"),
  DOUBLE("double", "0d"),
  DECIMAL("java.math.BigDecimal", "null"),
  STRING("String", "null"),
  BYTES("byte[]", "null"),
  /** ARRAY values: unmodifiable lists of stored element values, passed through (projections, filters). */
  LIST("java.util.List", "null"),
  SYMBOL("String", "null");

  final String javaName;
  final String zero;

  JavaType(String javaName, String zero) {
    this.javaName = javaName;
    this.zero = zero;
  }

  static JavaType of(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> BOOLEAN;
      case TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIME_WITH_LOCAL_TIME_ZONE, TIMESTAMP,
          TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ, INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH,
          INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> LONG;
      case REAL, FLOAT, DOUBLE -> DOUBLE;
      case DECIMAL -> DECIMAL;
      case CHAR, VARCHAR, NULL -> STRING;
      case BINARY, VARBINARY -> BYTES;
      case ARRAY -> LIST;
      case SYMBOL -> SYMBOL;
      default -> throw new LaminarException(ErrorCode.SQL_UNSUPPORTED,
          "type " + type.getFullTypeString() + " is not supported in continuous queries yet");
    };
  }

  static JavaType of(Class<?> c) {
    if (c == boolean.class) {
      return BOOLEAN;
    }
    if (c == long.class || c == int.class || c == short.class) {
      return LONG;
    }
    if (c == double.class || c == float.class) {
      return DOUBLE;
    }
    if (c == java.math.BigDecimal.class) {
      return DECIMAL;
    }
    if (c == String.class) {
      return STRING;
    }
    if (c == byte[].class) {
      return BYTES;
    }
    throw new IllegalArgumentException("unsupported Java type " + c);
  }
}
