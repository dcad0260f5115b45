package io.laminardb.core.operator.aggregate;

/**
 * Processing-time ticks of EMIT EVERY INTERVAL: a tick is due when the clock has crossed an interval
 * boundary (multiples of the interval since the epoch) since the last tick. Several elapsed periods
 * coalesce into one tick (spec §6.1).
 */
public final class EmitTicker {
  private final long interval;
  private long lastPeriod = Long.MIN_VALUE;

  public EmitTicker(long intervalMillis) {
    this.interval = intervalMillis;
  }

  /** Whether a tick is due at {@code now}; the first call only starts the clock. */
  public boolean due(long now) {
    long period = Math.floorDiv(now, interval);
    if (lastPeriod == Long.MIN_VALUE) {
      lastPeriod = period;
      return false;
    }
    if (period > lastPeriod) {
      lastPeriod = period;
      return true;
    }
    return false;
  }
}
