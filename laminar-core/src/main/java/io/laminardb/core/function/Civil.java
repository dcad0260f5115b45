package io.laminardb.core.function;

/**
 * Proleptic Gregorian calendar arithmetic on days since 1970-01-01, without allocating (the hot-path
 * replacement for {@code LocalDate}). After H. Hinnant's "chrono-compatible low-level date algorithms".
 */
final class Civil {
  static final long MILLIS_PER_DAY = 86_400_000L;

  private Civil() {}

  /** Days since the epoch of {@code year-month-day}; the fields must form a valid date. */
  static long days(long year, long month, long day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /** The date of {@code days}, packed as {@code year << 9 | month << 5 | day}; see the accessors. */
  static long date(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year << 9 | month << 5 | day;
  }

  static long year(long date) {
    return date >> 9;
  }

  static long month(long date) {
    return (date >> 5) & 15;
  }

  static long day(long date) {
    return date & 31;
  }

  static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static long daysInMonth(long year, long month) {
    return switch ((int) month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** ISO day of the week: Monday 1 ... Sunday 7. */
  static long isoDayOfWeek(long days) {
    return Math.floorMod(days + 3, 7) + 1;
  }

  /** {@code days} moved by {@code months}, the day clamped to the new month's length. */
  static long plusMonths(long days, long months) {
    long date = date(days);
    long total = Math.addExact(year(date) * 12 + month(date) - 1, months);
    long year = Math.floorDiv(total, 12);
    long month = Math.floorMod(total, 12) + 1;
    return days(year, month, Math.min(day(date), daysInMonth(year, month)));
  }

  /** ISO-8601 week of the week-based year (1..53). */
  static long isoWeek(long days) {
    long date = date(days);
    long year = year(date);
    long dayOfYear = days - days(year, 1, 1) + 1;
    long week = (dayOfYear - isoDayOfWeek(days) + 10) / 7;
    if (week < 1) {
      return weeksInYear(year - 1);
    }
    return week > weeksInYear(year) ? 1 : week;
  }

  private static long weeksInYear(long year) {
    return startWeekday(year) == 4 || startWeekday(year - 1) == 3 ? 53 : 52;
  }

  private static long startWeekday(long year) {
    return Math.floorMod(year + Math.floorDiv(year, 4) - Math.floorDiv(year, 100) + Math.floorDiv(year, 400), 7);
  }
}
