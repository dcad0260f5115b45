package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.Durability;
import io.laminardb.LaminarDB;
import io.laminardb.RecoveredCheckpoint;
import io.laminardb.Row;
import io.laminardb.common.error.LaminarException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint, crash (shutdownNow), reopen: catalog, state, positions and watermarks come back. */
class RecoveryTest {
  static final String DDL = """
      CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,
                       WATERMARK FOR ts AS ts - INTERVAL '5' MILLISECOND);
      CREATE STREAM w AS SELECT k, TUMBLE_START(ts, INTERVAL '10' MILLISECOND) AS ws, COUNT(*) AS n, SUM(v) AS s
        FROM t GROUP BY k, TUMBLE(ts, INTERVAL '10' MILLISECOND);
      CREATE MATERIALIZED VIEW totals AS SELECT k, SUM(n) AS n, SUM(s) AS s FROM w GROUP BY k;
      """;

  static Object[] row(int i) {
    return new Object[] {"k" + (i % 3), (long) i, (long) i * 2};
  }

  static LaminarDB open(Path dir, Durability durability) {
    return LaminarDB.builder().storageDir(dir).durability(durability).deterministic(true).build();
  }

  /** The batch oracle: per key, windows of 10 ms over ts = 2i, closed when the watermark passes. */
  static TreeMap<String, long[]> expectedTotals(int rows, long watermark) {
    TreeMap<Long, TreeMap<String, long[]>> windows = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      long ts = 2L * i;
      windows.computeIfAbsent(ts - ts % 10, x -> new TreeMap<>())
          .computeIfAbsent("k" + (i % 3), x -> new long[2]);
      long[] a = windows.get(ts - ts % 10).get("k" + (i % 3));
      a[0]++;
      a[1] += i;
    }
    TreeMap<String, long[]> totals = new TreeMap<>();
    for (var w : windows.entrySet()) {
      if (w.getKey() + 10 <= watermark) {
        for (var g : w.getValue().entrySet()) {
          long[] t = totals.computeIfAbsent(g.getKey(), x -> new long[2]);
          t[0] += g.getValue()[0];
          t[1] += g.getValue()[1];
        }
      }
    }
    return totals;
  }

  static TreeMap<String, long[]> totals(LaminarDB db) {
    TreeMap<String, long[]> out = new TreeMap<>();
    List<Row> rows = ((io.laminardb.ExecuteResult.Rows) db.execute("SELECT k, n, s FROM totals")).rows();
    for (Row r : rows) {
      out.put((String) r.get(0), new long[] {(Long) r.get(1), (Long) r.get(2)});
    }
    return out;
  }

  static void push(LaminarDB db, int from, int to) {
    var source = db.sourceUntyped("t");
    for (int i = from; i < to; i++) {
      source.push(row(i));
    }
  }

  static String render(TreeMap<String, long[]> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(k + "=" + v[0] + "/" + v[1]));
    return String.join(",", parts);
  }

  @Test
  void checkpointWithoutLogRestoresStateAndPosition(@TempDir Path dir) {
    try (LaminarDB db = open(dir, Durability.NONE)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 50);
      var result = db.checkpoint();
      assertThat(result.checkpointId()).isEqualTo(1);
      assertThat(result.sourcePosition("t")).isEqualTo(50);
      push(db, 50, 80);
      db.awaitIdle();
      db.shutdownNow();
    }
    try (LaminarDB db = open(dir, Durability.NONE)) {
      RecoveredCheckpoint recovered = db.recoveredCheckpoint();
      assertThat(recovered.restored()).isTrue();
      assertThat(recovered.checkpointId()).isEqualTo(1);
      assertThat(recovered.sourcePosition("t")).isEqualTo(50);
      assertThat(recovered.resumePosition("t")).isEqualTo(50);
      assertThat(db.sources()).extracting(o -> o.name()).containsExactly("t");
      db.execute(DDL);
      db.start();
      push(db, 50, 100);
      db.sourceUntyped("t").watermark(10_000);
      db.awaitIdle();
      assertThat(render(totals(db))).isEqualTo(render(expectedTotals(100, 10_000)));
    }
  }

  @Test
  void logReplaysAcknowledgedPushesAfterTheCheckpoint(@TempDir Path dir) {
    for (Durability d : new Durability[] {Durability.GROUP, Durability.EVERY_PUSH}) {
      Path sub = dir.resolve(d.name());
      try (LaminarDB db = open(sub, d)) {
        db.execute(DDL);
        db.start();
        push(db, 0, 40);
        db.checkpoint();
        push(db, 40, 70);
        db.shutdownNow();
      }
      try (LaminarDB db = open(sub, d)) {
        RecoveredCheckpoint recovered = db.recoveredCheckpoint();
        assertThat(recovered.sourcePosition("t")).isEqualTo(40);
        assertThat(recovered.replayedRows()).containsEntry("t", 30L);
        assertThat(recovered.resumePosition("t")).isEqualTo(70);
        db.start();
        push(db, 70, 100);
        db.sourceUntyped("t").watermark(10_000);
        db.awaitIdle();
        assertThat(render(totals(db))).as(d.name()).isEqualTo(render(expectedTotals(100, 10_000)));
      }
    }
  }

  @Test
  void logAloneRecoversWithoutAnyCheckpoint(@TempDir Path dir) {
    try (LaminarDB db = open(dir, Durability.GROUP)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 25);
      db.shutdownNow();
    }
    try (LaminarDB db = open(dir, Durability.GROUP)) {
      assertThat(db.recoveredCheckpoint().restored()).isFalse();
      assertThat(db.recoveredCheckpoint().resumePosition("t")).isEqualTo(25);
      db.start();
      push(db, 25, 60);
      db.sourceUntyped("t").watermark(10_000);
      db.awaitIdle();
      assertThat(render(totals(db))).isEqualTo(render(expectedTotals(60, 10_000)));
    }
  }

  @Test
  void gracefulShutdownTakesAFinalCheckpoint(@TempDir Path dir) {
    try (LaminarDB db = open(dir, Durability.NONE)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 30);
    }
    try (LaminarDB db = open(dir, Durability.NONE)) {
      assertThat(db.recoveredCheckpoint().checkpointId()).isEqualTo(1);
      assertThat(db.recoveredCheckpoint().sourcePosition("t")).isEqualTo(30);
    }
  }

  @Test
  void sqlCheckpointStatement(@TempDir Path dir) {
    try (LaminarDB db = open(dir, Durability.NONE)) {
      db.execute(DDL);
      db.start();
      push(db, 0, 5);
      var r = (io.laminardb.ExecuteResult.Ddl) db.execute("CHECKPOINT");
      assertThat(r.statementType()).isEqualTo("CHECKPOINT");
      assertThat(r.objectName()).isEqualTo("1");
      var r2 = (io.laminardb.ExecuteResult.Ddl) db.execute("CHECKPOINT");
      assertThat(r2.objectName()).isEqualTo("2");
    }
  }

  @Test
  void checkpointWithoutStorageIsRefused() {
    try (LaminarDB db = LaminarDB.open()) {
      db.start();
      assertThatThrownBy(db::checkpoint).isInstanceOf(LaminarException.class).hasMessageContaining("LDB-0005");
      assertThatThrownBy(() -> db.execute("CHECKPOINT")).hasMessageContaining("LDB-0005");
    }
  }
}
