package io.laminardb;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Pushes rows into a source by position. Thread-safe. Each push is one step (atomic: a batch is ingested
 * whole or, on any validation error, not at all).
 */
public interface UntypedSourceHandle {
  String name();

  List<ColumnInfo> schema();

  /**
   * Pushes one row, values in source column order. Returns false when the source uses
   * {@link Backpressure#REJECT} and its buffer is full.
   */
  boolean push(Object... values);

  /** Pushes rows as one batch; returns how many were accepted (all, or 0 when rejected). */
  int pushRows(List<Object[]> rows);

  /** Pushes an Arrow batch whose fields must match the source's columns by name, order and type. */
  int pushArrow(VectorSchemaRoot root);

  /** Advances the source's watermark (epoch ms). Smaller values than the current one are ignored. */
  void watermark(long epochMillis);

  /**
   * A handle pushing to one partition of this source (for example a Kafka partition). Each partition keeps
   * its own watermark; the source's watermark is the minimum over partitions that are not idle (with
   * {@code 'idle.timeout'}, a partition with no data for that long is left out).
   */
  UntypedSourceHandle partition(int partitionId);

  /** The watermark as of the last processed step; {@link Long#MIN_VALUE} before any. */
  long currentWatermark();

  /** Rows pushed but not yet processed. */
  long pending();

  /** Buffer capacity in rows. */
  long capacity();

  /** True when the buffer is more than 80% full. */
  boolean isBackpressured();
}
