package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;

/**
 * Date and time functions over epoch-ms timestamps (UTC), epoch-day dates and ms-of-day times. Calendar
 * fields are computed arithmetically ({@link Civil}), so no call allocates.
 */
public final class DateTimeFunctions {
  private static final long DAY = Civil.MILLIS_PER_DAY;

  private DateTimeFunctions() {}

  /** TIMESTAMP + INTERVAL n MONTH: the day of month clamped to the new month's length. */
  public static long addMonths(long epochMillis, long months) {
    long days = Math.floorDiv(epochMillis, DAY);
    return Civil.plusMonths(days, months) * DAY + Math.floorMod(epochMillis, DAY);
  }

  public static long addMonthsToDate(long epochDay, long months) {
    return Civil.plusMonths(epochDay, months);
  }

  /** Whole months from {@code earlierMillis} to {@code laterMillis}, truncated toward zero. */
  public static long monthsBetween(long laterMillis, long earlierMillis) {
    long later = Civil.date(Math.floorDiv(laterMillis, DAY));
    long earlier = Civil.date(Math.floorDiv(earlierMillis, DAY));
    long months = (Civil.year(later) * 12 + Civil.month(later)) - (Civil.year(earlier) * 12 + Civil.month(earlier));
    long laterRest = Civil.day(later) * DAY + Math.floorMod(laterMillis, DAY);
    long earlierRest = Civil.day(earlier) * DAY + Math.floorMod(earlierMillis, DAY);
    if (months > 0 && laterRest < earlierRest) {
      months--;
    } else if (months < 0 && laterRest > earlierRest) {
      months++;
    }
    return months;
  }

  /** EXTRACT / DATE_PART with a unit known only at run time. */
  public static long extract(String unit, long epochMillis) {
    return extract(unit(unit, false), epochMillis);
  }

  /**
   * EXTRACT(unit FROM timestamp) and DATE_PART(unit, timestamp) in whole units: MILLISECOND is the
   * seconds field in milliseconds (30.25 s gives 30250), EPOCH whole seconds, DOW 0 = Sunday.
   */
  public static long extract(DateUnit unit, long epochMillis) {
    long days = Math.floorDiv(epochMillis, DAY);
    long millisOfDay = Math.floorMod(epochMillis, DAY);
    return switch (unit) {
      case HOUR -> millisOfDay / 3_600_000L;
      case MINUTE -> millisOfDay / 60_000L % 60;
      case SECOND -> millisOfDay / 1000L % 60;
      case MILLISECOND -> millisOfDay % 60_000L;
      case MICROSECOND -> millisOfDay % 60_000L * 1000L;
      case EPOCH -> Math.floorDiv(epochMillis, 1000L);
      case DOW -> Civil.isoDayOfWeek(days) % 7;
      case ISODOW -> Civil.isoDayOfWeek(days);
      case WEEK -> Civil.isoWeek(days);
      default -> dateField(unit, days);
    };
  }

  private static long dateField(DateUnit unit, long days) {
    long date = Civil.date(days);
    long year = Civil.year(date);
    return switch (unit) {
      case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((-year + 999) / 1000);
      case CENTURY -> year > 0 ? (year + 99) / 100 : -((-year + 99) / 100);
      case DECADE -> Math.floorDiv(year, 10);
      case YEAR -> year;
      case QUARTER -> (Civil.month(date) - 1) / 3 + 1;
      case MONTH -> Civil.month(date);
      case DAY -> Civil.day(date);
      case DOY -> days - Civil.days(year, 1, 1) + 1;
      default -> throw new IllegalArgumentException("not a date field: " + unit);
    };
  }

  /** DATE_TRUNC with a unit known only at run time. */
  public static long truncate(String unit, long epochMillis) {
    return truncate(unit(unit, true), epochMillis);
  }

  /** The start of the {@code unit} containing the timestamp (DATE_TRUNC, FLOOR(ts TO unit)). */
  public static long truncate(DateUnit unit, long epochMillis) {
    long days = Math.floorDiv(epochMillis, DAY);
    return switch (unit) {
      case MILLISECOND, MICROSECOND -> epochMillis;
      case SECOND -> epochMillis - Math.floorMod(epochMillis, 1000L);
      case MINUTE -> epochMillis - Math.floorMod(epochMillis, 60_000L);
      case HOUR -> epochMillis - Math.floorMod(epochMillis, 3_600_000L);
      case DAY -> days * DAY;
      case WEEK -> (days - Civil.isoDayOfWeek(days) + 1) * DAY;
      default -> {
        long date = Civil.date(days);
        long year = Civil.year(date);
        long month = Civil.month(date);
        yield switch (unit) {
          case MONTH -> Civil.days(year, month, 1) * DAY;
          case QUARTER -> Civil.days(year, (month - 1) / 3 * 3 + 1, 1) * DAY;
          case YEAR -> Civil.days(year, 1, 1) * DAY;
          case DECADE -> Civil.days(Math.floorDiv(year, 10) * 10, 1, 1) * DAY;
          case CENTURY -> Civil.days(Math.floorDiv(year - 1, 100) * 100 + 1, 1, 1) * DAY;
          case MILLENNIUM -> Civil.days(Math.floorDiv(year - 1, 1000) * 1000 + 1, 1, 1) * DAY;
          default -> throw invalidUnit("date_trunc", unit.name());
        };
      }
    };
  }

  /** CEIL(ts TO unit): the smallest unit boundary at or after the timestamp. */
  public static long ceil(DateUnit unit, long epochMillis) {
    long floor = truncate(unit, epochMillis);
    if (floor == epochMillis) {
      return floor;
    }
    long days = Math.floorDiv(floor, DAY);
    return switch (unit) {
      case SECOND -> floor + 1000L;
      case MINUTE -> floor + 60_000L;
      case HOUR -> floor + 3_600_000L;
      case DAY -> floor + DAY;
      case WEEK -> floor + 7 * DAY;
      case MONTH -> Civil.plusMonths(days, 1) * DAY;
      case QUARTER -> Civil.plusMonths(days, 3) * DAY;
      case YEAR -> Civil.plusMonths(days, 12) * DAY;
      case DECADE -> Civil.plusMonths(days, 120) * DAY;
      case CENTURY -> Civil.plusMonths(days, 1200) * DAY;
      case MILLENNIUM -> Civil.plusMonths(days, 12_000) * DAY;
      default -> floor;
    };
  }

  public static long ceil(String unit, long epochMillis) {
    return ceil(unit(unit, true), epochMillis);
  }

  private static DateUnit unit(String name, boolean forTruncation) {
    DateUnit unit = DateUnit.of(name);
    if (unit == null || (forTruncation && !unit.isTruncatable())) {
      throw invalidUnit(forTruncation ? "date_trunc" : "date_part", name);
    }
    return unit;
  }

  private static LaminarException invalidUnit(String function, String unit) {
    return new LaminarException(ErrorCode.QUERY_EXECUTION, function + " unit '" + unit + "' is not recognized");
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

  /** Start of the tumbling window of {@code size} ms (aligned to {@code offset}) containing {@code ts}. */
  @SqlName("WINDOW_START")
  public static long windowStart(long ts, long size, long offset) {
    return Math.floorDiv(ts - offset, size) * size + offset;
  }

  @SqlName("WINDOW_START")
  public static long windowStart(long ts, long size) {
    return windowStart(ts, size, 0L);
  }

  @SqlName("WINDOW_END")
  public static long windowEnd(long ts, long size, long offset) {
    return windowStart(ts, size, offset) + size;
  }

  @SqlName("WINDOW_END")
  public static long windowEnd(long ts, long size) {
    return windowStart(ts, size, 0L) + size;
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
        || day > Civil.daysInMonth(year, month)) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "make_date(" + year + ", " + month + ", " + day
          + ") is not a valid date");
    }
    return Civil.days(year, month, day);
  }

  /** Whether DATE_TRUNC and FLOOR/CEIL accept {@code unit}. */
  public static boolean isTruncUnit(String unit) {
    DateUnit u = DateUnit.of(unit);
    return u != null && u.isTruncatable();
  }
}
