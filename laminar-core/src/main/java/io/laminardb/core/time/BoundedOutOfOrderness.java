package io.laminardb.core.time;

/**
 * Source watermark generator: {@code W = max(max_event_time - delay, largest manual watermark)}, never
 * decreasing, starting at minus infinity. A manual advance raises the internal maximum to {@code t + delay}
 * so later data cannot pull the watermark back.
 */
public final class BoundedOutOfOrderness {
  private final long delayMillis;
  private long maxEventTime = Long.MIN_VALUE;
  private long watermark = Long.MIN_VALUE;

  public BoundedOutOfOrderness(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  /** Observes an event time (epoch ms); returns true when the watermark advanced. */
  public boolean observe(long eventTimeMillis) {
    if (eventTimeMillis <= maxEventTime) {
      return false;
    }
    maxEventTime = eventTimeMillis;
    long candidate = eventTimeMillis - delayMillis;
    if (candidate > watermark) {
      watermark = candidate;
      return true;
    }
    return false;
  }

  /** Applies a manual watermark; returns true when the watermark advanced. */
  public boolean advanceTo(long manualWatermark) {
    if (manualWatermark <= watermark) {
      return false;
    }
    watermark = manualWatermark;
    long impliedMax = manualWatermark + delayMillis;
    if (impliedMax > maxEventTime) {
      maxEventTime = impliedMax;
    }
    return true;
  }

  public long watermark() {
    return watermark;
  }

  public long delayMillis() {
    return delayMillis;
  }

  /** Restores the generator from a checkpoint. */
  public void restore(long savedMaxEventTime, long savedWatermark) {
    this.maxEventTime = savedMaxEventTime;
    this.watermark = savedWatermark;
  }

  public long maxEventTime() {
    return maxEventTime;
  }
}
