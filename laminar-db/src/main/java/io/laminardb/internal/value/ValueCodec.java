package io.laminardb.internal.value;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.function.Casts;
import io.laminardb.core.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * Converts between the Java values users push and read and the storage form of columns (Long, Double or
 * an object). Conversions are strict: only lossless widening is implicit; anything else is LDB-0006.
 */
public final class ValueCodec {
  private ValueCodec() {}

  /** A user value to storage form for a column of {@code type}; null stays null. */
  public static Object toStorage(DataType type, Object value, String column) {
    if (value == null) {
      return null;
    }
    Object stored = switch (type.kind()) {
      case BOOLEAN -> value instanceof Boolean b ? (Long) (b ? 1L : 0L) : null;
      case SMALLINT -> integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT -> integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT, DOUBLE -> floating(value);
      case DECIMAL -> decimal(value, type.scale());
      case VARCHAR, JSON -> value instanceof String || value instanceof Character ? value.toString() : null;
      case TIMESTAMP, TIMESTAMP_TZ -> timestamp(value);
      case DATE -> value instanceof LocalDate d ? (Long) d.toEpochDay() : null;
      case TIME -> value instanceof LocalTime t ? (Long) (t.toNanoOfDay() / 1_000_000L) : null;
      case INTERVAL_DAY_TIME -> value instanceof Duration d ? (Long) d.toMillis()
          : integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case INTERVAL_YEAR_MONTH -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case BINARY -> value instanceof byte[] b ? b : null;
      case ARRAY -> array(type, value, column);
      case NULL -> null;
    };
    if (stored == null) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "column '" + column + "' has type "
          + type.sql() + " but the value " + describe(value) + " is a " + value.getClass().getSimpleName());
    }
    return stored;
  }

  /** A List or an array to an unmodifiable list of the elements' storage form. */
  private static List<Object> array(DataType type, Object value, String column) {
    Object[] elements;
    if (value instanceof List<?> list) {
      elements = list.toArray();
    } else if (value instanceof Object[] a) {
      elements = a.clone();
    } else {
      return null;
    }
    for (int i = 0; i < elements.length; i++) {
      elements[i] = toStorage(type.elementType(), elements[i], column + "[" + (i + 1) + "]");
    }
    return Collections.unmodifiableList(Arrays.asList(elements));
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "..." : "'" + text + "'";
  }

  private static Long integral(Object value, long min, long max) {
    long v;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      v = ((Number) value).longValue();
    } else if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      v = d.longValue();
    } else {
      return null;
    }
    if (v < min || v > max) {
      return null;
    }
    return v;
  }

  private static Double floating(Object value) {
    if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
        || value instanceof Short || value instanceof Byte || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    return null;
  }

  private static BigDecimal decimal(Object value, int scale) {
    if (value instanceof BigDecimal d) {
      return d.setScale(scale, RoundingMode.HALF_UP);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue()).setScale(scale, RoundingMode.HALF_UP);
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(scale, RoundingMode.HALF_UP);
    }
    return null;
  }

  private static Long timestamp(Object value) {
    return switch (value) {
      case Long l -> l;
      case Integer i -> (long) i;
      case Instant i -> i.toEpochMilli();
      case LocalDateTime t -> t.toInstant(ZoneOffset.UTC).toEpochMilli();
      case OffsetDateTime t -> t.toInstant().toEpochMilli();
      case ZonedDateTime t -> t.toInstant().toEpochMilli();
      case Date d -> d.getTime();
      case String s -> Casts.toTimestamp(s);
      default -> null;
    };
  }

  /** Storage form to the Java value users read (see {@link io.laminardb.Row}). */
  public static Object toJava(DataType type, Object stored) {
    if (stored == null) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> ((Long) stored) != 0L;
      case SMALLINT -> (short) (long) (Long) stored;
      case INT -> (int) (long) (Long) stored;
      case BIGINT -> stored;
      case FLOAT -> (float) (double) (Double) stored;
      case DOUBLE -> stored;
      case TIMESTAMP -> LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) stored), ZoneOffset.UTC);
      case TIMESTAMP_TZ -> Instant.ofEpochMilli((Long) stored);
      case DATE -> LocalDate.ofEpochDay((Long) stored);
      case TIME -> LocalTime.ofNanoOfDay((Long) stored * 1_000_000L);
      case INTERVAL_DAY_TIME -> Duration.ofMillis((Long) stored);
      case ARRAY -> {
        List<?> list = (List<?>) stored;
        Object[] elements = new Object[list.size()];
        for (int i = 0; i < elements.length; i++) {
          elements[i] = toJava(type.elementType(), list.get(i));
        }
        yield Collections.unmodifiableList(Arrays.asList(elements));
      }
      default -> stored;
    };
  }

  /** Converts a Java value (as read from a result) for a target type; used by INSERT ... VALUES. */
  public static Object coerce(DataType target, Object javaValue, String column) {
    if (javaValue == null) {
      return null;
    }
    Object v = javaValue;
    if (v instanceof String s && target.kind() != io.laminardb.core.type.TypeKind.VARCHAR
        && target.kind() != io.laminardb.core.type.TypeKind.JSON) {
      v = switch (target.kind()) {
        case TIMESTAMP, TIMESTAMP_TZ -> Casts.toTimestamp(s);
        case DATE -> LocalDate.ofEpochDay(Casts.toDate(s));
        default -> s;
      };
    }
    if (target.kind().storage() == io.laminardb.core.type.TypeKind.Storage.LONG && v instanceof Number n
        && !(v instanceof Double || v instanceof Float) && target.kind() != io.laminardb.core.type.TypeKind.TIMESTAMP) {
      v = n.longValue();
    }
    if (target.kind() == io.laminardb.core.type.TypeKind.BIGINT && v instanceof BigDecimal d) {
      v = d.longValueExact();
    }
    return toStorage(target, v, column);
  }
}
