package io.laminardb.core.pipeline;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.time.BoundedOutOfOrderness;
import io.laminardb.core.time.KeyedWatermarks;
import io.laminardb.core.type.Schema;
import java.util.ArrayDeque;
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

  /** Batches pushes are encoded into, recycled by the compute thread. */
  private final io.laminardb.core.batch.BatchPool batchPool;
  /** Per-key watermarks (F065), or null. */
  private KeyedWatermarks keyed;
  private int keyColumn = -1;
  /** The alignment group (F066), or null; with PAUSE, input that arrives while ahead waits in {@link #held}. */
  private AlignmentGroup alignment;
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private volatile long heldRows;
  private volatile long alignmentDropped;
  private boolean dropLateRows;
  private volatile long lateDropped;
  private volatile long alignmentViolations;
  private boolean warnedAhead;

  /** A push or watermark step held back while the source was ahead of its alignment group. */
  private record Held(Batch batch, int partition, long watermark) {}

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
    this.batchPool = new io.laminardb.core.batch.BatchPool(schema, 1024);
  }

  /** Where pushing threads take the batches they encode rows into. */
  public io.laminardb.core.batch.BatchPool batchPool() {
    return batchPool;
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
    if (keyed != null && keyed.checkIdle(nowMillis)) {
      publish();
    }
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

  /**
   * A push step for one partition ({@code -1}: the source as a whole). Returns false when the batch was
   * held back because the source is ahead of its alignment group; its rows then stay pending.
   */
  boolean ingest(Batch batch, int partition, long nowMillis) {
    if (idleTimeoutMillis > 0) {
      activity(nowMillis);
    }
    if (alignment != null) {
      switch (alignment.mode()) {
        case PAUSE -> {
          if (!held.isEmpty() || isAhead()) {
            held.add(new Held(batch.copy(), partition, Long.MIN_VALUE));
            heldRows += batch.rowCount();
            return false;
          }
        }
        case DROP -> batch = dropRowsAhead(batch);
        case WARN -> { }
      }
    }
    ingestNow(batch, partition, nowMillis);
    if (alignment != null && alignment.mode() == AlignmentGroup.Mode.WARN) {
      warnIfAhead();
    }
    return true;
  }

  private void ingestNow(Batch batch, int partition, long nowMillis) {
    ingestedRows.addAndGet(batch.rowCount());
    if (dropLateRows) {
      batch = dropRowsBehindWatermark(batch);
    }
    int n = batch.rowCount();
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
      if (keyed != null) {
        if (keyed.observe(batch, keyColumn, ts, eventTimeDivisor, nowMillis)) {
          publish();
        }
      } else if (partition >= 0) {
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
    if (alignment != null && alignment.mode() == AlignmentGroup.Mode.PAUSE && (!held.isEmpty() || isAhead())) {
      held.add(new Held(null, partition, watermark));
      return;
    }
    applyWatermarkNow(watermark, partition, nowMillis);
  }

  private void applyWatermarkNow(long watermark, int partition, long nowMillis) {
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
    if (keyed != null) {
      long min = keyed.minWatermark();
      if (min > w) {
        w = min;
      }
    }
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

  // ---- keyed watermarks (F065) ----

  /**
   * Derives the watermark per key of column {@code keyColumn}: the source watermark becomes the minimum
   * over active keys (manual watermarks still raise it). Requires a WATERMARK clause.
   */
  public void setKeyedWatermarks(int keyColumn, KeyedWatermarks keyed) {
    this.keyColumn = keyColumn;
    this.keyed = keyed;
  }

  public KeyedWatermarks keyedWatermarks() {
    return keyed;
  }

  /** Whether the pipeline must call {@link #checkIdle(long)} on every step and tick. */
  public boolean needsIdleChecks() {
    return idleTimeoutMillis > 0 || keyed != null;
  }

  // ---- alignment groups (F066) ----

  void joinAlignmentGroup(AlignmentGroup group) {
    this.alignment = group;
  }

  public AlignmentGroup alignmentGroup() {
    return alignment;
  }

  private boolean isAhead() {
    return publishedWatermark != Long.MIN_VALUE && publishedWatermark > alignment.limitFor(this);
  }

  /** Whether the source is currently held back by its alignment group (any thread; approximate). */
  public boolean isAlignmentPaused() {
    return heldRows > 0;
  }

  /** Rows waiting because the source is ahead of its alignment group. */
  public long heldRows() {
    return heldRows;
  }

  /** Rows dropped by an alignment group in DROP mode. */
  public long alignmentDropped() {
    return alignmentDropped;
  }

  /** Batches that carried the source ahead of its alignment group in WARN mode. */
  public long alignmentViolations() {
    return alignmentViolations;
  }

  private void warnIfAhead() {
    if (isAhead()) {
      alignmentViolations++;
      if (!warnedAhead) {
        warnedAhead = true;
        System.getLogger(SourceNode.class.getName()).log(System.Logger.Level.WARNING,
            "source ''{0}'' is ahead of alignment group ''{1}'' by more than {2} ms (watermark {3})",
            name(), alignment.name(), alignment.maxDriftMillis(), publishedWatermark);
      }
    } else {
      warnedAhead = false;
    }
  }

  /**
   * Source-level late-row dropping ({@code 'late.rows' = 'drop'}, spec §7 DECISION): rows whose event time is
   * below the source watermark in force before the batch never reach any query. Off by default, because
   * lateness is judged per window at the operators.
   */
  public void setDropLateRows(boolean drop) {
    this.dropLateRows = drop;
  }

  /** Rows dropped at the source by {@code 'late.rows' = 'drop'}. */
  public long lateDropped() {
    return lateDropped;
  }

  private Batch dropRowsBehindWatermark(Batch batch) {
    long watermark = publishedWatermark;
    if (!hasWatermarkClause || watermark == Long.MIN_VALUE) {
      return batch;
    }
    int n = batch.rowCount();
    LongColumn ts = batch.longColumn(eventTimeColumn);
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      if (!ts.nulls[i] && Math.floorDiv(ts.values[i], eventTimeDivisor) < watermark) {
        dropped++;
      }
    }
    if (dropped == 0) {
      return batch;
    }
    Batch kept = new Batch(batch.schema(), Math.max(1, n - dropped));
    for (int i = 0; i < n; i++) {
      if (ts.nulls[i] || Math.floorDiv(ts.values[i], eventTimeDivisor) >= watermark) {
        kept.appendRow(batch, i);
      }
    }
    lateDropped += dropped;
    return kept;
  }

  /** Keeps the rows whose event time would not carry the source past its group's limit. */
  private Batch dropRowsAhead(Batch batch) {
    long limit = alignment.limitFor(this);
    if (limit == Long.MAX_VALUE || !hasWatermarkClause) {
      return batch;
    }
    int n = batch.rowCount();
    LongColumn ts = batch.longColumn(eventTimeColumn);
    long delay = generator.delayMillis();
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      if (!ts.nulls[i] && Math.floorDiv(ts.values[i], eventTimeDivisor) - delay > limit) {
        dropped++;
      }
    }
    if (dropped == 0) {
      return batch;
    }
    Batch kept = new Batch(batch.schema(), n - dropped);
    for (int i = 0; i < n; i++) {
      if (ts.nulls[i] || Math.floorDiv(ts.values[i], eventTimeDivisor) - delay <= limit) {
        kept.appendRow(batch, i);
      }
    }
    alignmentDropped += dropped;
    return kept;
  }

  /**
   * Runs held input in arrival order while the source is not ahead; returns true when something ran.
   * Compute thread only.
   */
  boolean releaseHeld(long nowMillis) {
    boolean ran = false;
    while (!held.isEmpty() && !isAhead()) {
      Held h = held.poll();
      ran = true;
      if (h.batch() == null) {
        applyWatermarkNow(h.watermark(), h.partition(), nowMillis);
      } else {
        int rows = h.batch().rowCount();
        heldRows -= rows;
        try {
          ingestNow(h.batch(), h.partition(), nowMillis);
        } finally {
          releasePending(rows);
        }
      }
    }
    return ran;
  }

  // ---- checkpoint position and watermark state ----

  private long processedRows;
  private long watermarkCalls;

  void countProcessed(int rows) {
    processedRows += rows;
  }

  void countWatermarkCall() {
    watermarkCalls++;
  }

  /** Rows of push steps processed so far: a checkpoint's position for this source. Compute thread. */
  public long processedRows() {
    return processedRows;
  }

  /** Manual watermark steps processed so far. Compute thread. */
  public long watermarkCalls() {
    return watermarkCalls;
  }

  /** Per-partition generator state: {@code {partition, maxEventTime, watermark, idle 0|1}}. Compute thread. */
  public java.util.List<long[]> partitionStates() {
    java.util.List<long[]> list = new java.util.ArrayList<>();
    for (java.util.Map.Entry<Integer, Partition> e : partitions.entrySet()) {
      Partition p = e.getValue();
      list.add(new long[] {e.getKey(), p.generator.maxEventTime(), p.generator.watermark(), p.idle ? 1 : 0});
    }
    return list;
  }

  /**
   * Restores what a checkpoint recorded, before any step of the new run (no propagation: the restored
   * operators hold their own input watermarks).
   */
  public void restoreCheckpoint(long rows, long calls, long maxEventTime, long watermark,
      java.util.List<long[]> partitionStates, long nowMillis) {
    this.processedRows = rows;
    this.watermarkCalls = calls;
    ingestedRows.set(rows);
    for (long[] p : partitionStates) {
      Partition partition = new Partition(generator.delayMillis(), nowMillis);
      partition.generator.restore(p[1], p[2]);
      partition.idle = p[3] != 0;
      partitions.put((int) p[0], partition);
    }
    restoreTime(maxEventTime, watermark);
  }

  /**
   * Input an alignment group holds back at a barrier is part of the checkpoint: it was counted in the
   * position, so it must come back with the state. Compute thread.
   */
  public void snapshotHeld(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(held.size());
    for (Held h : held) {
      out.writeInt(h.partition());
      out.writeBoolean(h.batch() != null);
      if (h.batch() == null) {
        out.writeLong(h.watermark());
        continue;
      }
      Batch b = h.batch();
      out.writeInt(b.rowCount());
      for (int r = 0; r < b.rowCount(); r++) {
        for (int c = 0; c < b.columnCount(); c++) {
          io.laminardb.core.state.TaggedValues.write(out, b.getStored(c, r));
        }
      }
    }
  }

  /** Puts held input back (before any step of the new run); its rows count as pending again. */
  public void restoreHeld(java.io.DataInput in) throws java.io.IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      int partition = in.readInt();
      if (!in.readBoolean()) {
        held.add(new Held(null, partition, in.readLong()));
        continue;
      }
      int rows = in.readInt();
      Batch b = new Batch(schema(), Math.max(1, rows));
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < schema().size(); c++) {
          b.column(c).setStored(r, io.laminardb.core.state.TaggedValues.read(in));
        }
      }
      b.setRowCount(rows);
      held.add(new Held(b, partition, Long.MIN_VALUE));
      heldRows += rows;
      pendingRows.addAndGet(rows);
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
