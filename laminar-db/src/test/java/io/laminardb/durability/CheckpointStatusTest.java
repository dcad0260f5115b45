package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.Builders;
import io.laminardb.CheckpointResult;
import io.laminardb.Durability;
import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.PipelineMetrics;
import io.laminardb.Row;
import io.laminardb.common.time.ManualClock;
import io.laminardb.core.storage.FaultInjectingStorageFiles;
import io.laminardb.core.storage.LocalStorageFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHOW CHECKPOINT STATUS and the checkpoint counters of db.metrics(). */
class CheckpointStatusTest {
  @Test
  void statusListsTheNewestCheckpointsFirstWithTheirNumbers(@TempDir Path dir) {
    ManualClock clock = new ManualClock(1_000);
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.NONE).deterministic(true)
        .clock(clock).build()) {
      assertThat(db.metrics().checkpoints()).isEqualTo(PipelineMetrics.CheckpointMetrics.NONE);
      db.execute(RecoveryTest.DDL);
      db.start();
      RecoveryTest.push(db, 0, 20);
      CheckpointResult first = db.checkpoint();
      clock.advance(java.time.Duration.ofMillis(500));
      RecoveryTest.push(db, 20, 40);
      CheckpointResult second = db.checkpoint();

      ExecuteResult.Rows status = (ExecuteResult.Rows) db.execute("SHOW CHECKPOINT STATUS");
      assertThat(status.columns()).extracting(c -> c.name()).containsExactly("checkpoint_id", "epoch",
          "timestamp_ms", "status", "state_bytes", "duration_ms", "pause_us", "location", "error");
      List<Row> rows = status.rows();
      assertThat(rows).hasSize(2);
      String location = dir.resolve("checkpoints").toString();
      assertThat(values(rows.get(0))).containsExactly(2L, 2L, 1_500L, "completed", second.stateBytes(),
          second.durationMillis(), second.barrierMicros(), location, null);
      assertThat(values(rows.get(1))).containsExactly(1L, 1L, 1_000L, "completed", first.stateBytes(),
          first.durationMillis(), first.barrierMicros(), location, null);
      assertThat(second.stateBytes()).isPositive();

      PipelineMetrics.CheckpointMetrics m = db.metrics().checkpoints();
      assertThat(m).isEqualTo(new PipelineMetrics.CheckpointMetrics(2, 0, 2, second.durationMillis(),
          second.stateBytes(), second.barrierMicros(), null));
    }
  }

  @Test
  void afterARestartTheStoredCheckpointsAreListed(@TempDir Path dir) {
    ManualClock clock = new ManualClock(2_000);
    long[] bytes = new long[3];
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.NONE).deterministic(true)
        .clock(clock).checkpointRetention(2).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      for (int i = 0; i < 3; i++) {
        RecoveryTest.push(db, i * 10, i * 10 + 10);
        bytes[i] = db.checkpoint().stateBytes();
        clock.advance(java.time.Duration.ofMillis(100));
      }
      db.shutdownNow();
    }
    try (LaminarDB db = LaminarDB.builder().storageDir(dir).durability(Durability.NONE).deterministic(true)
        .clock(clock).build()) {
      List<Row> rows = ((ExecuteResult.Rows) db.execute("SHOW CHECKPOINT STATUS")).rows();
      String location = dir.resolve("checkpoints").toString();
      assertThat(rows).hasSize(2);
      assertThat(values(rows.get(0))).containsExactly(3L, 3L, 2_200L, "restored", bytes[2], null, null, location,
          null);
      assertThat(values(rows.get(1))).containsExactly(2L, 2L, 2_100L, "stored", bytes[1], null, null, location,
          null);
      assertThat(db.metrics().checkpoints().completed()).isZero();
    }
  }

  @Test
  void failedCheckpointsAreCountedAndShown(@TempDir Path dir) {
    FaultInjectingStorageFiles files = new FaultInjectingStorageFiles(LocalStorageFiles.INSTANCE);
    try (LaminarDB db = Builders.withFiles(LaminarDB.builder().storageDir(dir).durability(Durability.NONE)
        .deterministic(true).clock(new ManualClock(7)), files).build()) {
      db.execute(RecoveryTest.DDL);
      db.start();
      RecoveryTest.push(db, 0, 10);
      CheckpointResult ok = db.checkpoint();
      files.failPathsContaining("manifest.json");
      assertThatThrownBy(db::checkpoint).hasMessageContaining("LDB-6001");
      files.heal();

      List<Row> rows = ((ExecuteResult.Rows) db.execute("show checkpoint status")).rows();
      assertThat(rows).extracting(r -> r.get(0), r -> r.get(3)).containsExactly(
          org.assertj.core.groups.Tuple.tuple(2L, "failed"), org.assertj.core.groups.Tuple.tuple(1L, "completed"));
      assertThat((String) rows.get(0).get(8)).contains("LDB-6001").contains("manifest.json");

      PipelineMetrics.CheckpointMetrics m = db.metrics().checkpoints();
      assertThat(m.completed()).isEqualTo(1);
      assertThat(m.failed()).isEqualTo(1);
      assertThat(m.lastCheckpointId()).isEqualTo(ok.checkpointId());
      assertThat(m.lastStateBytes()).isEqualTo(ok.stateBytes());
      assertThat(m.lastFailure()).contains("manifest.json");
    }
  }

  @Test
  void anInMemoryDatabaseHasNoCheckpointStatus() {
    try (LaminarDB db = LaminarDB.open()) {
      assertThatThrownBy(() -> db.execute("SHOW CHECKPOINT STATUS")).hasMessageContaining("LDB-")
          .hasMessageContaining("needs a database opened with storageDir");
      assertThat(db.metrics().checkpoints()).isEqualTo(PipelineMetrics.CheckpointMetrics.NONE);
    }
  }

  private static Object[] values(Row r) {
    Object[] v = new Object[9];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return v;
  }
}
