package io.laminardb.internal.durability;

import io.laminardb.CheckpointResult;
import io.laminardb.ColumnInfo;
import io.laminardb.ExecuteResult;
import io.laminardb.PipelineMetrics;
import io.laminardb.Row;
import io.laminardb.core.checkpoint.CheckpointManifest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The newest checkpoint attempts of this process and the counters {@code db.metrics()} reports. Written by
 * the checkpoint writer and the compute thread, read by any caller.
 */
final class CheckpointHistory {
  /** Rows {@code SHOW CHECKPOINT STATUS} keeps. */
  static final int KEPT = 20;

  private static final List<ColumnInfo> COLUMNS = List.of(new ColumnInfo("checkpoint_id", "BIGINT", false),
      new ColumnInfo("epoch", "BIGINT", false), new ColumnInfo("timestamp_ms", "BIGINT", false),
      new ColumnInfo("status", "VARCHAR", false), new ColumnInfo("state_bytes", "BIGINT", false),
      new ColumnInfo("duration_ms", "BIGINT", false), new ColumnInfo("pause_us", "BIGINT", false),
      new ColumnInfo("location", "VARCHAR", false), new ColumnInfo("error", "VARCHAR", true));

  /** {@code durationMillis}/{@code pauseMicros} are null for checkpoints an earlier process wrote. */
  private record Attempt(long id, long epoch, long timestampMs, String status, long stateBytes,
      Long durationMillis, Long pauseMicros, String error) {}

  private final String location;
  private final ArrayDeque<Attempt> newestFirst = new ArrayDeque<>();
  private long completed;
  private long failed;
  private Attempt lastCompleted;
  private String lastFailure;

  CheckpointHistory(String location) {
    this.location = location;
  }

  synchronized void completed(CheckpointResult r) {
    completed++;
    lastCompleted = new Attempt(r.checkpointId(), r.epoch(), r.timestampMs(), "completed", r.stateBytes(),
        r.durationMillis(), r.barrierMicros(), null);
    add(lastCompleted);
  }

  synchronized void failed(long id, long timestampMs, long stateBytes, long durationMillis, long pauseMicros,
      String error) {
    failed++;
    lastFailure = error;
    add(new Attempt(id, id, timestampMs, "failed", stateBytes, durationMillis, pauseMicros, error));
  }

  /**
   * A valid checkpoint found in the store on open, oldest first: {@code restored} for the one recovery
   * used, {@code stored} for older ones kept for fallback. Not counted in the metrics of this process.
   */
  synchronized void found(CheckpointManifest m, boolean restored) {
    long bytes = 0;
    for (CheckpointManifest.StateEntry s : m.states()) {
      bytes += s.length();
    }
    add(new Attempt(m.checkpointId(), m.epoch(), m.timestampMs(), restored ? "restored" : "stored", bytes, null,
        null, null));
  }

  private void add(Attempt a) {
    newestFirst.addFirst(a);
    if (newestFirst.size() > KEPT) {
      newestFirst.removeLast();
    }
  }

  synchronized PipelineMetrics.CheckpointMetrics metrics() {
    Attempt last = lastCompleted;
    return last == null ? new PipelineMetrics.CheckpointMetrics(completed, failed, 0, 0, 0, 0, lastFailure)
        : new PipelineMetrics.CheckpointMetrics(completed, failed, last.id(), last.durationMillis(),
            last.stateBytes(), last.pauseMicros(), lastFailure);
  }

  /** {@code SHOW CHECKPOINT STATUS}: the newest attempts first. */
  synchronized ExecuteResult rows() {
    List<Row> rows = new ArrayList<>();
    for (Iterator<Attempt> it = newestFirst.iterator(); it.hasNext();) {
      Attempt a = it.next();
      rows.add(new Row(COLUMNS, new Object[] {a.id(), a.epoch(), a.timestampMs(), a.status(),
          a.stateBytes(), a.durationMillis(), a.pauseMicros(), location, a.error()}));
    }
    return new ExecuteResult.Rows(COLUMNS, rows);
  }
}
