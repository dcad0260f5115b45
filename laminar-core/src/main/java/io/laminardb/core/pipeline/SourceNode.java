package io.laminardb.core.pipeline;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.time.BoundedOutOfOrderness;
import io.laminardb.core.type.Schema;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source inside the pipeline. Pushed batches reach it as steps; it derives its watermark from the
 * event-time column (when the source declares one) and from manual watermark calls.
 */
public final class SourceNode extends StreamNode {
  private final int eventTimeColumn;
  private final long eventTimeDivisor;
  private final boolean hasWatermarkClause;
  private final BoundedOutOfOrderness generator;
  private final AtomicLong pendingRows = new AtomicLong();
  private final AtomicLong ingestedRows = new AtomicLong();
  private volatile long publishedWatermark = Long.MIN_VALUE;
  private final Object drained = new Object();
  private long idleTimeoutMillis;
  private long lastActivityMillis = Long.MIN_VALUE;
  private boolean idle;
  /** Per-partition generators (F064); empty for a source that is never pushed to by partition. */
  private final java.util.Map<Integer, Partition> partitions = new java.util.HashMap<>();

  private static final class Partition {
    final BoundedOutOfOrderness generator;
    long lastActivity;
    boolean idle;

    Partition(long delay, long now) {
      this.generator = new BoundedOutOfOrderness(delay);
      this.lastActivity = now;
    }
  }

  /**
   * @param eventTimeColumn index of the watermark column, or -1 when the source has no WATERMARK clause
   * @param eventTimeDivisor divides stored event-time values into milliseconds (1000 for microseconds)
   * @param delayMillis the bounded out-of-orderness of the WATERMARK clause
   */
  public SourceNode(String name, Schema schema, Pipeline pipeline, int eventTimeColumn,
      long eventTimeDivisor, long delayMillis) {
    super(name, schema, pipeline);
    this.eventTimeColumn = eventTimeColumn;
    this.eventTimeDivisor = eventTimeDivisor;
    this.hasWatermarkClause = eventTimeColumn >= 0;
    this.generator = new BoundedOutOfOrderness(delayMillis);
  }

  /**
   * With a positive timeout, the source is idle once it has had no data for that long (processing time):
   * it stops holding back the watermark of queries that combine it with other inputs (spec §4.2).
   */
  public void setIdleTimeout(long millis) {
    this.idleTimeoutMillis = millis;
  }

  public long idleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  public boolean isIdle() {
    return idle;
  }

  /** Processing-time check, at every step and tick. Compute thread only. */
  void checkIdle(long nowMillis) {
    if (idleTimeoutMillis > 0 && !partitions.isEmpty()) {
      boolean changed = false;
      for (Partition p : partitions.values()) {
        if (!p.idle && nowMillis - p.lastActivity >= idleTimeoutMillis) {
          p.idle = true;
          changed = true;
        }
      }
      if (changed) {
        publish();
      }
    }
    if (idleTimeoutMillis <= 0 || idle) {
      return;
    }
    if (lastActivityMillis == Long.MIN_VALUE) {
      lastActivityMillis = nowMillis;
    } else if (nowMillis - lastActivityMillis >= idleTimeoutMillis) {
      idle = true;
      advanceWatermark(io.laminardb.core.time.Watermarks.IDLE);
    }
  }

  private void activity(long nowMillis) {
    lastActivityMillis = nowMillis;
    if (idle) {
      idle = false;
      resendWatermark();
    }
  }

  /** A push step: rows first, then the watermark they imply. Compute thread only. */
  void ingest(Batch batch, long nowMillis) {
    ingest(batch, -1, nowMillis);
  }

  /** A push step for one partition ({@code -1}: the source as a whole). */
  void ingest(Batch batch, int partition, long nowMillis) {
    if (idleTimeoutMillis > 0) {
      activity(nowMillis);
    }
    int n = batch.rowCount();
    ingestedRows.addAndGet(n);
    deliver(batch);
    if (hasWatermarkClause && n > 0) {
      LongColumn ts = batch.longColumn(eventTimeColumn);
      long[] values = ts.values;
      boolean[] nulls = ts.nulls;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        if (!nulls[i] && values[i] > max) {
          max = values[i];
        }
      }
      if (max == Long.MIN_VALUE) {
        return;
      }
      long eventTime = Math.floorDiv(max, eventTimeDivisor);
      if (partition >= 0) {
        Partition p = partition(partition, nowMillis);
        if (p.generator.observe(eventTime)) {
          publish();
        }
      } else if (generator.observe(eventTime)) {
        publish();
      }
    } else if (partition >= 0) {
      partition(partition, nowMillis);
    }
  }

  private Partition partition(int id, long nowMillis) {
    Partition p = partitions.computeIfAbsent(id, k -> new Partition(generator.delayMillis(), nowMillis));
    p.lastActivity = nowMillis;
    if (p.idle) {
      p.idle = false;
    }
    return p;
  }

  /** A watermark step. Compute thread only. */
  void applyWatermark(long watermark, long nowMillis) {
    applyWatermark(watermark, -1, nowMillis);
  }

  /** A watermark step for one partition ({@code -1}: the source as a whole). */
  void applyWatermark(long watermark, int partition, long nowMillis) {
    if (idleTimeoutMillis > 0) {
      activity(nowMillis);
    }
    boolean advanced = partition >= 0 ? partition(partition, nowMillis).generator.advanceTo(watermark)
        : generator.advanceTo(watermark);
    if (advanced) {
      publish();
    }
  }

  /**
   * The source watermark: its own generator, or with partitions the minimum over active (non-idle)
   * partitions (spec §4.3, F064), whichever is larger; it never decreases.
   */
  private void publish() {
    long w = generator.watermark();
    if (!partitions.isEmpty()) {
      long min = Long.MAX_VALUE;
      for (Partition p : partitions.values()) {
        if (!p.idle && p.generator.watermark() < min) {
          min = p.generator.watermark();
        }
      }
      if (min != Long.MAX_VALUE && min > w) {
        w = min;
      }
    }
    if (w > publishedWatermark) {
      publishedWatermark = w;
      advanceWatermark(w);
    }
  }

  /** Partitions seen so far, and how many are idle (for metrics and tests). */
  public int partitionCount() {
    return partitions.size();
  }

  /** The source's current watermark as last published by the compute thread (any thread). */
  public long currentWatermark() {
    return publishedWatermark;
  }

  public long pendingRows() {
    return pendingRows.get();
  }

  public long ingestedRows() {
    return ingestedRows.get();
  }

  /** Index of the WATERMARK column, or -1. */
  public int eventTimeColumn() {
    return eventTimeColumn;
  }

  public boolean hasWatermarkClause() {
    return hasWatermarkClause;
  }

  public long delayMillis() {
    return generator.delayMillis();
  }

  /** Called by the submitting thread once a batch of {@code rows} is queued. */
  public void addPending(long rows) {
    pendingRows.addAndGet(rows);
  }

  void releasePending(long rows) {
    long left = pendingRows.addAndGet(-rows);
    if (left <= 0 || waiters > 0) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  private volatile int waiters;

  /**
   * Blocks the calling (pushing) thread until {@code rows} more rows fit under {@code capacity}, or the
   * buffer is empty (a batch larger than the capacity is then let through alone).
   */
  public void awaitCapacity(long rows, long capacity, java.util.function.BooleanSupplier stillRunning)
      throws InterruptedException {
    if (pendingRows.get() + rows <= capacity || pendingRows.get() == 0) {
      return;
    }
    synchronized (drained) {
      waiters++;
      try {
        while (pendingRows.get() + rows > capacity && pendingRows.get() > 0 && stillRunning.getAsBoolean()) {
          drained.wait(50);
        }
      } finally {
        waiters--;
      }
    }
  }

  /** Restores generator and watermark from a checkpoint (no propagation). */
  public void restoreTime(long maxEventTime, long watermark) {
    generator.restore(maxEventTime, watermark);
    publishedWatermark = watermark;
    restoreWatermark(watermark);
  }

  public long maxEventTime() {
    return generator.maxEventTime();
  }
}
