package io.laminardb;

import java.util.Map;

/**
 * A completed checkpoint.
 *
 * @param checkpointId increasing id
 * @param epoch the exactly-once sink epoch it closed
 * @param timestampMs processing time (the builder's clock) of its barrier
 * @param sourcePositions rows of each source included (push from here after restoring it without a log)
 * @param sourceWatermarks each source's watermark at the barrier
 * @param stateBytes bytes of state written
 * @param barrierMicros how long the compute thread paused for the barrier (serialising state in memory)
 * @param durationMillis from the barrier until the checkpoint was durable and its sink epochs committed
 */
public record CheckpointResult(long checkpointId, long epoch, long timestampMs, Map<String, Long> sourcePositions,
    Map<String, Long> sourceWatermarks, long stateBytes, long barrierMicros, long durationMillis) {
  /** Rows of {@code source} the checkpoint includes (0 for a source it does not know). */
  public long sourcePosition(String source) {
    return sourcePositions.getOrDefault(source, 0L);
  }
}
