package io.laminardb.core.time;

import java.util.Arrays;

/**
 * Combines the watermarks of several inputs: the combined watermark is the minimum over inputs, starts at
 * {@link Long#MIN_VALUE} (minus infinity) and only moves forward.
 */
public final class WatermarkTracker {
  private final long[] inputs;
  private long combined = Long.MIN_VALUE;

  public WatermarkTracker(int inputCount) {
    this.inputs = new long[inputCount];
    Arrays.fill(inputs, Long.MIN_VALUE);
  }

  /**
   * Records a new watermark for {@code input}. Returns the new combined watermark if it advanced, otherwise
   * {@link Long#MIN_VALUE}.
   */
  public long update(int input, long watermark) {
    boolean wasIdle = inputs[input] == Watermarks.IDLE;
    if (watermark <= inputs[input] && !wasIdle) {
      return Long.MIN_VALUE;
    }
    if (wasIdle && watermark == Watermarks.IDLE) {
      return Long.MIN_VALUE;
    }
    inputs[input] = watermark;
    // Idle inputs (IDLE = Long.MAX_VALUE) drop out of the minimum by themselves; if all are idle, hold.
    long min = Long.MAX_VALUE;
    for (long w : inputs) {
      if (w < min) {
        min = w;
      }
    }
    if (min != Watermarks.IDLE && min > combined) {
      combined = min;
      return min;
    }
    return Long.MIN_VALUE;
  }

  public long combined() {
    return combined;
  }
}
