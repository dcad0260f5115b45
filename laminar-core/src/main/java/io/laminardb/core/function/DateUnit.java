package io.laminardb.core.function;

/**
 * The units of DATE_TRUNC, DATE_PART / EXTRACT and FLOOR/CEIL(ts TO unit). Compiled code refers to a
 * constant unit directly; a unit known only at run time is looked up with {@link #of(String)}, which does
 * not allocate.
 */
public enum DateUnit {
  MILLENNIUM(true, "MILLENNIUMS"),
  CENTURY(true, "CENTURIES"),
  DECADE(true, "DECADES"),
  YEAR(true, "YEARS"),
  QUARTER(true, "QUARTERS"),
  MONTH(true, "MONTHS"),
  WEEK(true, "WEEKS"),
  DAY(true, "DAYS"),
  HOUR(true, "HOURS"),
  MINUTE(true, "MINUTES"),
  SECOND(true, "SECONDS"),
  MILLISECOND(true, "MILLISECONDS"),
  MICROSECOND(true, "MICROSECONDS"),
  /** Day of the week, Sunday = 0 (EXTRACT only, as the rest below). */
  DOW(false, "DAYOFWEEK"),
  /** Day of the week, Monday = 1 ... Sunday = 7. */
  ISODOW(false, "ISODOW"),
  /** Day of the year, 1-based. */
  DOY(false, "DAYOFYEAR"),
  /** Seconds since 1970-01-01 00:00:00 UTC. */
  EPOCH(false, "EPOCH");

  private static final DateUnit[] ALL = values();

  private final boolean isTruncatable;
  private final String alias;

  DateUnit(boolean isTruncatable, String alias) {
    this.isTruncatable = isTruncatable;
    this.alias = alias;
  }

  /** Whether DATE_TRUNC and FLOOR/CEIL accept the unit (EXTRACT accepts all). */
  public boolean isTruncatable() {
    return isTruncatable;
  }

  /** The unit named {@code name} (any case, singular or plural), or null. */
  public static DateUnit of(String name) {
    for (DateUnit u : ALL) {
      if (u.name().equalsIgnoreCase(name) || u.alias.equalsIgnoreCase(name)) {
        return u;
      }
    }
    return null;
  }
}
