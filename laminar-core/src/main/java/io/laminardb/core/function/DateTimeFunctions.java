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

  /** EXTRACT(unit FROM timestamp). */
  @SqlName({"DATE_PART", "DATEPART"})
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
  @SqlName("DATE_TRUNC")
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

  /** TO_TIMESTAMP(seconds): epoch seconds (fractional allowed) to a timestamp. */
  @SqlName("TO_TIMESTAMP")
  public static long toTimestamp(double epochSeconds) {
    return Math.round(epochSeconds * 1000d);
  }

  @SqlName("TO_TIMESTAMP")
  public static long toTimestamp(String text) {
    return Casts.toTimestamp(text);
  }

  @SqlName({"TO_TIMESTAMP_MILLIS", "FROM_UNIXTIME_MILLIS"})
  public static long toTimestampMillis(long epochMillis) {
    return epochMillis;
  }
}
