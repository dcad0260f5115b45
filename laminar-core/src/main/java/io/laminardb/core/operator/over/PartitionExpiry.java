package io.laminardb.core.operator.over;

import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.aggregate.GroupTable;

/**
 * When a partition of an analytic or top-N operator can receive no more rows: its key holds an event-time
 * bound (a window start or end of a windowed aggregate below) and the watermark has passed it, so the
 * aggregate has purged that window and never emits for it again. Such a partition is evicted; its last
 * emitted rows stay valid downstream.
 *
 * @param keyIndex position of the bound among the partition columns
 * @param closeOffset the partition is closed once {@code bound + closeOffset <= watermark} (window size plus
 *     allowed lateness for a window start; the lateness for a window end)
 */
public record PartitionExpiry(int keyIndex, long closeOffset) {
  /** Whether partition slot {@code p} of {@code partitions} is closed at {@code watermark}. */
  boolean isClosed(GroupTable partitions, int p, long watermark) {
    if (watermark == Long.MIN_VALUE) {
      return false;
    }
    LongColumn bound = partitions.keyStore().longColumn(keyIndex);
    return !bound.nulls[p] && bound.values[p] <= watermark - closeOffset;
  }
}
