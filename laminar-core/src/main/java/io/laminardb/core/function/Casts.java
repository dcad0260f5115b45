package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    long days = Math.floorDiv(epochMillis, Civil.MILLIS_PER_DAY);
    StringBuilder sb = new StringBuilder(23);
    appendDate(sb, days);
    sb.append(' ');
    appendTime(sb, Math.floorMod(epochMillis, Civil.MILLIS_PER_DAY));
    return sb.toString();
  }

  public static String dateToString(long epochDay) {
    StringBuilder sb = new StringBuilder(10);
    appendDate(sb, epochDay);
    return sb.toString();
  }

  /** 'HH:mm:ss' plus '.SSS' when the milliseconds are not zero. */
  public static String timeToString(long millisOfDay) {
    StringBuilder sb = new StringBuilder(12);
    appendTime(sb, millisOfDay);
    return sb.toString();
  }

  /** yyyy-MM-dd as ISO-8601 (LocalDate) writes it: more digits, or a sign, outside 0000..9999. */
  private static void appendDate(StringBuilder sb, long days) {
    long date = Civil.date(days);
    long year = Civil.year(date);
    if (year > 9999) {
      sb.append('+');
    } else if (year < 0) {
      sb.append('-');
    }
    long absYear = Math.abs(year);
    pad(sb, absYear, 4);
    sb.append('-');
    pad(sb, Civil.month(date), 2);
    sb.append('-');
    pad(sb, Civil.day(date), 2);
  }

  private static void appendTime(StringBuilder sb, long millisOfDay) {
    pad(sb, millisOfDay / 3_600_000L, 2);
    sb.append(':');
    pad(sb, millisOfDay / 60_000L % 60, 2);
    sb.append(':');
    pad(sb, millisOfDay / 1000L % 60, 2);
    long millis = millisOfDay % 1000;
    if (millis != 0) {
      sb.append('.');
      pad(sb, millis, 3);
    }
  }

  private static void pad(StringBuilder sb, long value, int width) {
    for (long limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        sb.append('0');
      }
    }
    sb.append(value);
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
