package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Date and time functions over epoch-ms timestamps (UTC), epoch-day dates and ms-of-day times. */
public final class DateTimeFunctions {
  private DateTimeFunctions() {}

  private static LocalDateTime utc(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  private static long millis(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  public static long addMonths(long epochMillis, long months) {
    return millis(utc(epochMillis).plusMonths(months));
  }

  public static long addMonthsToDate(long epochDay, long months) {
    return LocalDate.ofEpochDay(epochDay).plusMonths(months).toEpochDay();
  }

  public static long monthsBetween(long laterMillis, long earlierMillis) {
    return ChronoUnit.MONTHS.between(utc(earlierMillis), utc(laterMillis));
  }

  /** EXTRACT(unit FROM timestamp) and DATE_PART(unit, timestamp): whole units (epoch: whole seconds). */
  public static long extract(String unit, long epochMillis) {
    LocalDateTime t = utc(epochMillis);
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "YEAR", "YEARS" -> t.getYear();
      case "QUARTER" -> (t.getMonthValue() - 1) / 3 + 1;
      case "MONTH", "MONTHS" -> t.getMonthValue();
      case "WEEK" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY", "DAYS" -> t.getDayOfMonth();
      case "DOW" -> t.getDayOfWeek().getValue() % 7;
      case "ISODOW" -> t.getDayOfWeek().getValue();
      case "DOY" -> t.getDayOfYear();
      case "HOUR", "HOURS" -> t.getHour();
      case "MINUTE", "MINUTES" -> t.getMinute();
      case "SECOND", "SECONDS" -> t.getSecond();
      case "MILLISECOND", "MILLISECONDS" -> t.getSecond() * 1000L + t.getNano() / 1_000_000;
      case "MICROSECOND", "MICROSECONDS" -> (t.getSecond() * 1000L + t.getNano() / 1_000_000) * 1000L;
      case "EPOCH" -> Math.floorDiv(epochMillis, 1000L);
      case "DECADE" -> Math.floorDiv(t.getYear(), 10);
      case "CENTURY" -> t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((-t.getYear() + 99) / 100);
      case "MILLENNIUM" -> t.getYear() > 0 ? (t.getYear() + 999) / 1000 : -((-t.getYear() + 999) / 1000);
      default -> throw new LaminarException(ErrorCode.QUERY_EXECUTION, "unknown date part '" + unit + "'");
    };
  }

  /** Truncates a timestamp down to the start of {@code unit} (DATE_TRUNC / FLOOR(ts TO unit)). */
  public static long truncate(String unit, long epochMillis) {
    LocalDateTime t = utc(epochMillis);
    LocalDateTime r = switch (unit.toUpperCase(Locale.ROOT)) {
      case "MILLENNIUM" -> LocalDateTime.of(Math.floorDiv(t.getYear() - 1, 1000) * 1000 + 1, 1, 1, 0, 0);
      case "CENTURY" -> LocalDateTime.of(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1, 1, 1, 0, 0);
      case "DECADE" -> LocalDateTime.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1, 0, 0);
      case "YEAR", "YEARS" -> LocalDateTime.of(t.getYear(), 1, 1, 0, 0);
      case "QUARTER" -> LocalDateTime.of(t.getYear(), ((t.getMonthValue() - 1) / 3) * 3 + 1, 1, 0, 0);
      case "MONTH", "MONTHS" -> LocalDateTime.of(t.getYear(), t.getMonthValue(), 1, 0, 0);
      case "WEEK" -> t.truncatedTo(ChronoUnit.DAYS).minusDays(t.getDayOfWeek().getValue() - 1L);
      case "DAY", "DAYS" -> t.truncatedTo(ChronoUnit.DAYS);
      case "HOUR", "HOURS" -> t.truncatedTo(ChronoUnit.HOURS);
      case "MINUTE", "MINUTES" -> t.truncatedTo(ChronoUnit.MINUTES);
      case "SECOND", "SECONDS" -> t.truncatedTo(ChronoUnit.SECONDS);
      case "MILLISECOND", "MILLISECONDS", "MICROSECOND", "MICROSECONDS" -> t;
      default -> throw new LaminarException(ErrorCode.QUERY_EXECUTION, "unknown date_trunc unit '" + unit
          + "'");
    };
    return millis(r);
  }

  /** CEIL(ts TO unit): the smallest unit boundary at or after the timestamp. */
  public static long ceil(String unit, long epochMillis) {
    long floor = truncate(unit, epochMillis);
    if (floor == epochMillis) {
      return floor;
    }
    LocalDateTime f = utc(floor);
    LocalDateTime next = switch (unit.toUpperCase(Locale.ROOT)) {
      case "MILLENNIUM" -> f.plusYears(1000);
      case "CENTURY" -> f.plusYears(100);
      case "DECADE" -> f.plusYears(10);
      case "YEAR", "YEARS" -> f.plusYears(1);
      case "QUARTER" -> f.plusMonths(3);
      case "MONTH", "MONTHS" -> f.plusMonths(1);
      case "WEEK" -> f.plusWeeks(1);
      case "DAY", "DAYS" -> f.plusDays(1);
      case "HOUR", "HOURS" -> f.plusHours(1);
      case "MINUTE", "MINUTES" -> f.plusMinutes(1);
      default -> f.plusSeconds(1);
    };
    return millis(next);
  }

  /** TO_TIMESTAMP(seconds) and TO_TIMESTAMP_SECONDS / FROM_UNIXTIME: whole epoch seconds. */
  @SqlName({"TO_TIMESTAMP", "TO_TIMESTAMP_SECONDS", "FROM_UNIXTIME"})
  public static long toTimestamp(long epochSeconds) {
    return Arithmetic.multiply(epochSeconds, 1000L);
  }

  /** TO_TIMESTAMP(seconds) with a fraction, rounded to the millisecond. */
  @SqlName("TO_TIMESTAMP")
  public static long toTimestamp(double epochSeconds) {
    double millis = Math.rint(epochSeconds * 1000d);
    if (Double.isNaN(millis) || millis >= 9.223372036854775807E18 || millis < -9.223372036854775808E18) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "to_timestamp(" + epochSeconds
          + ") is out of the TIMESTAMP range");
    }
    return (long) millis;
  }

  /** TO_TIMESTAMP('yyyy-MM-dd[ HH:mm[:ss[.fff]]]') (ISO 'T' and a trailing 'Z' are accepted). */
  @SqlName("TO_TIMESTAMP")
  public static long toTimestamp(String text) {
    return Casts.toTimestamp(text);
  }

  @SqlName({"TO_TIMESTAMP_MILLIS", "FROM_UNIXTIME_MILLIS"})
  public static long toTimestampMillis(long epochMillis) {
    return epochMillis;
  }

  /** Microseconds since the epoch, truncated to the millisecond (timestamps keep milliseconds). */
  @SqlName("TO_TIMESTAMP_MICROS")
  public static long toTimestampMicros(long epochMicros) {
    return Math.floorDiv(epochMicros, 1000L);
  }

  /** MAKE_DATE(year, month, day) as days since the epoch; an impossible date is LDB-7001. */
  @SqlName("MAKE_DATE")
  public static long makeDate(long year, long month, long day) {
    if (year < -999_999 || year > 999_999 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month)) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "make_date(" + year + ", " + month + ", " + day
          + ") is not a valid date");
    }
    // Days from the civil date (proleptic Gregorian), after H. Hinnant's days_from_civil.
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static long daysInMonth(long year, long month) {
    return switch ((int) month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Whether DATE_TRUNC and FLOOR/CEIL accept {@code unit}. */
  public static boolean isTruncUnit(String unit) {
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "MILLENNIUM", "CENTURY", "DECADE", "YEAR", "YEARS", "QUARTER", "MONTH", "MONTHS", "WEEK", "DAY",
          "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS", "MILLISECOND", "MILLISECONDS",
          "MICROSECOND", "MICROSECONDS" -> true;
      default -> false;
    };
  }

  /** Whether DATE_PART and EXTRACT accept {@code unit}. */
  public static boolean isPartUnit(String unit) {
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "YEAR", "YEARS", "QUARTER", "MONTH", "MONTHS", "WEEK", "DAY", "DAYS", "DOW", "ISODOW", "DOY",
          "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS", "MILLISECOND", "MILLISECONDS",
          "MICROSECOND", "MICROSECONDS", "EPOCH", "DECADE", "CENTURY", "MILLENNIUM" -> true;
      default -> false;
    };
  }
}
