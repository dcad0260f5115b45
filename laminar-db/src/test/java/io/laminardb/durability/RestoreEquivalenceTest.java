package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.Durability;
import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For several query shapes and seeded random inputs: checkpoint at a random step, crash a random number of
 * steps later, recover (state from the checkpoint, the rest from the log) and continue. The final view must
 * equal the one of an uninterrupted run over the same input.
 */
class RestoreEquivalenceTest {
  private static final String SOURCES = """
      CREATE SOURCE a (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,
                       WATERMARK FOR ts AS ts - INTERVAL '20' MILLISECOND);
      CREATE SOURCE b (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,
                       WATERMARK FOR ts AS ts - INTERVAL '20' MILLISECOND);
      """;

  private static final String[] SHAPES = {
      "CREATE STREAM s AS SELECT k, TUMBLE_START(ts, INTERVAL '50' MILLISECOND) AS ws, COUNT(*) AS n, SUM(v) AS t"
          + " FROM a GROUP BY k, TUMBLE(ts, INTERVAL '50' MILLISECOND);"
          + "CREATE MATERIALIZED VIEW out AS SELECT k, SUM(n) AS n, SUM(t) AS t FROM s GROUP BY k",
      "CREATE STREAM s AS SELECT k, HOP_START(ts, INTERVAL '20' MILLISECOND, INTERVAL '60' MILLISECOND) AS ws,"
          + " MAX(v) AS m FROM a GROUP BY k, HOP(ts, INTERVAL '20' MILLISECOND, INTERVAL '60' MILLISECOND);"
          + "CREATE MATERIALIZED VIEW out AS SELECT k, COUNT(*) AS windows, SUM(m) AS t FROM s GROUP BY k",
      "CREATE STREAM s AS SELECT k, SESSION_START(ts, INTERVAL '30' MILLISECOND) AS ws, COUNT(*) AS n"
          + " FROM a GROUP BY k, SESSION(ts, INTERVAL '30' MILLISECOND);"
          + "CREATE MATERIALIZED VIEW out AS SELECT k, COUNT(*) AS sessions, SUM(n) AS n FROM s GROUP BY k",
      "CREATE STREAM u AS SELECT k, v, ts FROM a UNION ALL SELECT k, v, ts FROM b;"
          + "CREATE STREAM s AS SELECT k, TUMBLE_START(ts, INTERVAL '50' MILLISECOND) AS ws, COUNT(*) AS n"
          + " FROM u GROUP BY k, TUMBLE(ts, INTERVAL '50' MILLISECOND);"
          + "CREATE MATERIALIZED VIEW out AS SELECT k, SUM(n) AS n FROM s GROUP BY k",
      "CREATE MATERIALIZED VIEW out AS SELECT k, COUNT(*) AS n, MIN(v) AS lo, MAX(v) AS hi,"
          + " COUNT(DISTINCT v) AS d FROM a GROUP BY k",
      // Shape 5: shape 0 over a source with keyed watermarks (F065), whose per-key trackers are state too.
      "CREATE STREAM s AS SELECT k, TUMBLE_START(ts, INTERVAL '50' MILLISECOND) AS ws, COUNT(*) AS n, SUM(v) AS t"
          + " FROM a GROUP BY k, TUMBLE(ts, INTERVAL '50' MILLISECOND);"
          + "CREATE MATERIALIZED VIEW out AS SELECT k, SUM(n) AS n, SUM(t) AS t FROM s GROUP BY k",
      // Shape 6: the union of shape 3 over two sources of one alignment group that pauses the faster one,
      // so checkpoints catch held input.
      "CREATE STREAM u AS SELECT k, v, ts FROM a UNION ALL SELECT k, v, ts FROM b;"
          + "CREATE STREAM s AS SELECT k, TUMBLE_START(ts, INTERVAL '50' MILLISECOND) AS ws, COUNT(*) AS n"
          + " FROM u GROUP BY k, TUMBLE(ts, INTERVAL '50' MILLISECOND);"
          + "CREATE MATERIALIZED VIEW out AS SELECT k, SUM(n) AS n FROM s GROUP BY k",
  };

  private record Event(String source, String k, long v, long ts) {}

  private static List<Event> events(SplittableRandom r, int n) {
    List<Event> list = new ArrayList<>();
    long ts = 0;
    for (int i = 0; i < n; i++) {
      ts += r.nextInt(8);
      long eventTime = Math.max(0, ts - r.nextInt(15));
      int key = r.nextInt(4);
      // Key k3 lags 60 ms behind the others: late under a global watermark, on time under keyed ones.
      long lagged = key == 3 ? Math.max(0, eventTime - 60) : eventTime;
      list.add(new Event(r.nextInt(3) == 0 ? "b" : "a", "k" + key, r.nextInt(100), lagged));
    }
    return list;
  }

  private static void push(LaminarDB db, List<Event> events, int from, int to) {
    for (int i = from; i < to; i++) {
      Event e = events.get(i);
      db.sourceUntyped(e.source()).push(e.k(), e.v(), e.ts());
    }
  }

  private static List<String> finish(LaminarDB db, List<Event> events, int from) {
    push(db, events, from, events.size());
    db.sourceUntyped("a").watermark(1_000_000);
    db.sourceUntyped("b").watermark(1_000_000);
    db.awaitIdle();
    List<String> rows = new ArrayList<>();
    for (Row r : ((ExecuteResult.Rows) db.execute("SELECT * FROM out")).rows()) {
      rows.add(r.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static LaminarDB open(Path dir) {
    return LaminarDB.builder().storageDir(dir).durability(Durability.GROUP).deterministic(true).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
  void recoveredRunEqualsUninterruptedRun(int shape, @TempDir Path dir) {
    for (int round = 0; round < 3; round++) {
      SplittableRandom random = new SplittableRandom(1000L * shape + round);
      List<Event> input = events(random, 150);
      int checkpointAt = random.nextInt(input.size());
      int crashAt = checkpointAt + random.nextInt(input.size() - checkpointAt + 1);
      String sources = switch (shape) {
        case 5 -> SOURCES.replaceFirst("MILLISECOND\\);", "MILLISECOND) WITH ('watermark.key' = 'k');");
        case 6 -> SOURCES.replace("MILLISECOND);", "MILLISECOND) WITH ('alignment.group' = 'g',"
            + " 'alignment.max_drift' = '5ms');");
        default -> SOURCES;
      };
      String ddl = sources + SHAPES[shape];
      List<String> expected;
      try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
        db.execute(ddl);
        db.start();
        expected = finish(db, input, 0);
      }
      assertThat(expected).hasSize(4);
      Path run = dir.resolve("round-" + round);
      try (LaminarDB db = open(run)) {
        db.execute(ddl);
        db.start();
        push(db, input, 0, checkpointAt);
        db.checkpoint();
        push(db, input, checkpointAt, crashAt);
        db.shutdownNow();
      }
      try (LaminarDB db = open(run)) {
        long resumeA = db.recoveredCheckpoint().resumePosition("a");
        long resumeB = db.recoveredCheckpoint().resumePosition("b");
        assertThat(resumeA + resumeB).isEqualTo(crashAt);
        db.start();
        assertThat(finish(db, input, crashAt)).as("shape %d round %d (checkpoint %d, crash %d)", shape, round,
            checkpointAt, crashAt).isEqualTo(expected);
      }
    }
  }
}
