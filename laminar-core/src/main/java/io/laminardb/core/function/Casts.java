package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * CAST conversions between internal representations: TIMESTAMP is epoch ms (UTC), DATE days since epoch,
 * TIME ms since midnight. An invalid value (CAST('x' AS DOUBLE)) is LDB-7001.
 */
public final class Casts {
  private static final DateTimeFormatter TIMESTAMP_IN = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendLiteral('Z').optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter(Locale.ROOT);

  private Casts() {}

  public static long toLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      try {
        return new BigDecimal(s.trim()).setScale(0, RoundingMode.DOWN).longValueExact();
      } catch (NumberFormatException | ArithmeticException e2) {
        throw invalid(s, "an integer");
      }
    }
  }

  public static double toDouble(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw invalid(s, "a DOUBLE");
    }
  }

  public static BigDecimal toDecimal(String s, int scale) {
    try {
      return new BigDecimal(s.trim()).setScale(scale, RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      throw invalid(s, "a DECIMAL");
    }
  }

  public static boolean toBoolean(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "t", "yes", "y", "1", "on" -> true;
      case "false", "f", "no", "n", "0", "off" -> false;
      default -> throw invalid(s, "a BOOLEAN");
    };
  }

  /** Double to integer truncates toward zero; out of range is an error. */
  public static long toLong(double d) {
    if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "value " + d + " does not fit BIGINT");
    }
    return (long) d;
  }

  public static long toLong(BigDecimal d) {
    try {
      return d.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "value " + d + " does not fit BIGINT");
    }
  }

  public static BigDecimal toDecimal(long v, int scale) {
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
  }

  public static BigDecimal toDecimal(double v, int scale) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "value " + v + " does not fit DECIMAL");
    }
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
  }

  public static BigDecimal rescale(BigDecimal v, int scale) {
    return v.scale() == scale ? v : v.setScale(scale, RoundingMode.HALF_UP);
  }

  public static String toString(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d) + (d == 0 && 1 / d < 0 ? "" : "");
    }
    return Double.toString(d);
  }

  public static String toString(boolean b) {
    return b ? "true" : "false";
  }

  public static String toString(BigDecimal d) {
    return d.toPlainString();
  }

  /** Parses 'yyyy-MM-dd[ HH:mm[:ss[.fff]]]' (or ISO with 'T', optional 'Z') as UTC epoch ms. */
  public static long toTimestamp(String s) {
    try {
      return LocalDateTime.parse(s.trim(), TIMESTAMP_IN).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw invalid(s, "a TIMESTAMP (yyyy-MM-dd HH:mm:ss[.SSS])");
    }
  }

  public static long toDate(String s) {
    try {
      return LocalDate.parse(s.trim()).toEpochDay();
    } catch (DateTimeParseException e) {
      throw invalid(s, "a DATE (yyyy-MM-dd)");
    }
  }

  public static long toTime(String s) {
    try {
      return LocalTime.parse(s.trim()).toNanoOfDay() / 1_000_000L;
    } catch (DateTimeParseException e) {
      throw invalid(s, "a TIME (HH:mm:ss)");
    }
  }

  /** 'yyyy-MM-dd HH:mm:ss' plus '.SSS' when the milliseconds are not zero. */
  public static String timestampToString(long epochMillis) {
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    String base = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(),
        t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    int millis = t.getNano() / 1_000_000;
    return millis == 0 ? base : base + String.format(Locale.ROOT, ".%03d", millis);
  }

  public static String dateToString(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  public static String timeToString(long millisOfDay) {
    LocalTime t = LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L);
    String base = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int millis = t.getNano() / 1_000_000;
    return millis == 0 ? base : base + String.format(Locale.ROOT, ".%03d", millis);
  }

  public static long timestampToDate(long epochMillis) {
    return Math.floorDiv(epochMillis, 86_400_000L);
  }

  public static long timestampToTime(long epochMillis) {
    return Math.floorMod(epochMillis, 86_400_000L);
  }

  public static long dateToTimestamp(long epochDay) {
    return epochDay * 86_400_000L;
  }

  private static LaminarException invalid(String value, String what) {
    return new LaminarException(ErrorCode.QUERY_EXECUTION, "cannot cast '" + value + "' to " + what);
  }
}
