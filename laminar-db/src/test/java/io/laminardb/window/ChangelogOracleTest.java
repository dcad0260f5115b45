package io.laminardb.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.LaminarException;
import io.laminardb.window.BatchOracle.Agg;
import io.laminardb.window.BatchOracle.Event;
import io.laminardb.window.BatchOracle.GroupBy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a non-windowed GROUP BY is an upsert stream whose latest row per key equals a batch GROUP BY over
 * the events so far, after every step (spec §6.2, §24.5); under EMIT CHANGES the materialization equals it.
 * Over a changelog input (a source declaring {@code __weight BIGINT}, spec §8.3) the oracle is the net
 * multiset: retractions undo earlier inserts, groups whose net count reaches 0 disappear, and under EMIT
 * CHANGES such a group emits only its final -1 row.
 */
class ChangelogOracleTest {
  static final int SEEDS = Integer.getInteger("laminar.oracle.seeds", 12);
  static final long BASE_SEED = Long.getLong("laminar.oracle.seed", 0xC4A9_0001L);
  static final String APPEND_SOURCE = "CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, x BIGINT,"
      + " p DOUBLE NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)";
  static final String WEIGHTED_SOURCE = "CREATE SOURCE c (k VARCHAR NOT NULL, v BIGINT NOT NULL, x BIGINT,"
      + " p DOUBLE NOT NULL, ts BIGINT NOT NULL, __weight BIGINT NOT NULL)";

  static LongStream seeds() {
    return LongStream.range(0, SEEDS).map(i -> BASE_SEED + i * 1_000_003L);
  }

  /** One source, one upsert query and one EMIT CHANGES query over the same aggregates. */
  private static final class Run implements AutoCloseable {
    final LaminarDB db = LaminarDB.builder().deterministic(true).build();
    final UntypedSourceHandle source;
    final boolean weighted;
    final Subscription<Row> upsert;
    final Subscription<Row> changes;
    final ResultView upsertView = new ResultView(ResultView.Kind.UPSERT, 1);
    final ResultView changesView = new ResultView(ResultView.Kind.CHANGES, 1);
    final GroupBy oracle;
    final List<EventGen.Step> history = new ArrayList<>();
    final String label;

    Run(String label, String sourceDdl, String sourceName, boolean weighted, List<Agg> aggs, String upsertEmit) {
      this.label = label;
      this.weighted = weighted;
      this.oracle = new GroupBy(aggs);
      String select = "SELECT k, " + BatchOracle.selectList(aggs) + " FROM " + sourceName + " GROUP BY k";
      db.execute(sourceDdl);
      db.execute("CREATE STREAM g_upsert AS " + select + upsertEmit);
      db.execute("CREATE STREAM g_changes AS " + select + " EMIT CHANGES");
      upsert = db.subscribe("g_upsert");
      changes = db.subscribe("g_changes");
      db.start();
      source = db.sourceUntyped(sourceName);
    }

    void push(List<Event> batch) {
      history.add(EventGen.Step.push(batch));
      Map<List<Object>, Object[]> before = new LinkedHashMap<>(oracle.rows());
      source.pushRows(batch.stream().map(e -> e.sourceRow(weighted)).toList());
      db.awaitIdle();
      Set<String> touched = oracle.step(batch);
      int index = history.size();
      Object ctx = WindowRun.lazy(() -> label + ", step " + index);
      try {
        check(before, touched, ctx);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n  input so far: " + WindowRun.abbreviate(history.toString()),
            e);
      }
    }

    private void check(Map<List<Object>, Object[]> before, Set<String> touched, Object ctx) {
      Map<List<Object>, Object[]> expected = oracle.rows();

      List<Row> upsertRows = upsert.poll();
      Set<String> emitted = new HashSet<>();
      for (Row r : upsertRows) {
        String k = r.getString(0);
        if (!emitted.add(k)) {
          fail("%s: key %s emitted twice in one step: %s", ctx, k, upsertRows);
        }
        if (!touched.contains(k)) {
          fail("%s: row for untouched key %s: %s", ctx, k, r);
        }
        if (!expected.containsKey(List.of(k))) {
          fail("%s: row for key %s whose net count is 0 (spec §24.5 emits nothing): %s", ctx, k, r);
        }
      }
      for (String k : touched) {
        Object[] now = expected.get(List.of(k));
        Object[] was = before.get(List.of(k));
        if (now != null && (was == null || !ResultView.rowsMatch(was, now)) && !emitted.contains(k)) {
          fail("%s: key %s changed but emitted nothing; expected %s", ctx, k, Arrays.toString(now));
        }
      }
      upsertView.apply(upsertRows, ctx);
      Map<List<Object>, Object[]> live = new LinkedHashMap<>();
      upsertView.rows().forEach((key, row) -> {
        if (expected.containsKey(key)) {
          live.put(key, row);
        }
      });
      ResultView.assertSameRows(expected, live, WindowRun.lazy(() -> ctx + ", query g_upsert"));

      List<Row> changeRows = changes.poll();
      changesView.apply(changeRows, ctx);
      ResultView.assertSameRows(expected, changesView.rows(), WindowRun.lazy(() -> ctx + ", query g_changes"));
      for (String k : touched) {
        if (before.containsKey(List.of(k)) && !expected.containsKey(List.of(k))) {
          List<Row> forKey = changeRows.stream().filter(r -> r.getString(0).equals(k)).toList();
          assertThat(forKey).as("%s: a vanishing group emits only its final -1", ctx).hasSize(1);
          assertThat(forKey.getFirst().weight()).as("%s: weight of %s", ctx, forKey).isEqualTo(-1);
        }
      }
    }

    /** A watermark changes no non-windowed group: nothing is emitted. */
    void watermark(long t) {
      history.add(EventGen.Step.watermark(t));
      source.watermark(t);
      db.awaitIdle();
      assertThat(upsert.poll()).as("%s, step %d: rows after a watermark", label, history.size()).isEmpty();
      assertThat(changes.poll()).as("%s, step %d: changes after a watermark", label, history.size()).isEmpty();
    }

    @Override
    public void close() {
      db.close();
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void groupByUpsertAndChangesEqualOracleAfterEveryStep(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] increments = {0, 0, 1, 500, 1000, 3000};
    List<Event> nominal = EventGen.nominal(rnd, 20 + rnd.nextInt(150), 1 + rnd.nextInt(5), rnd.nextLong(-9000,
        9000), increments);
    // Event time drives FIRST_VALUE/LAST_VALUE (the source's WATERMARK column, spec §8.2); rows are never
    // late for a non-windowed aggregate, so any disorder is allowed.
    List<Event> arrivals = EventGen.arrive(nominal, e -> rnd.nextInt(4) == 0 ? rnd.nextLong(0, 20_000) : 0);
    String upsertEmit = rnd.nextBoolean() ? "" : " EMIT ON UPDATE";
    try (Run run = new Run("seed=" + seed + upsertEmit, APPEND_SOURCE, "t", false, BatchOracle.ALL_AGGS,
        upsertEmit)) {
      for (EventGen.Step s : EventGen.steps(rnd, arrivals, false, 20_000)) {
        if (s.isPush()) {
          run.push(s.batch());
        } else {
          run.watermark(s.watermark());
        }
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void changelogInputEqualsOracleOverNetMultiset(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int keyCount = 1 + rnd.nextInt(4);
    List<Event> pool = EventGen.nominal(rnd, 400, keyCount, 0, new long[] {0, 1, 1000});
    List<Event> live = new ArrayList<>();
    long seq = 0;
    int next = 0;
    try (Run run = new Run("seed=" + seed, WEIGHTED_SOURCE, "c", true, BatchOracle.RETRACTABLE_AGGS, "")) {
      int steps = 20 + rnd.nextInt(40);
      for (int s = 0; s < steps; s++) {
        List<Event> batch = new ArrayList<>();
        if (rnd.nextInt(6) == 0 && !live.isEmpty()) {
          // Retract every live row of one key: its group must vanish.
          String k = live.get(rnd.nextInt(live.size())).k();
          for (Event e : List.copyOf(live)) {
            if (e.k().equals(k)) {
              live.remove(e);
              batch.add(e.retraction(seq++));
            }
          }
        }
        int size = EventGen.batchSize(rnd);
        for (int i = 0; i < size; i++) {
          if (!live.isEmpty() && rnd.nextInt(100) < 40) {
            Event e = live.remove(rnd.nextInt(live.size()));
            batch.add(e.retraction(seq++));
          } else {
            Event p = pool.get(next++ % pool.size());
            Event e = new Event(seq++, p.k(), p.v(), p.x(), p.p(), p.ts(), 1);
            live.add(e);
            batch.add(e);
          }
        }
        run.push(batch);
      }
    }
  }

  @Test
  void distinctAggregatesOverAChangelogAreRejected() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute(WEIGHTED_SOURCE);
      assertThatThrownBy(() -> db.execute("CREATE STREAM d AS SELECT k, COUNT(DISTINCT v) AS dv FROM c"
          + " GROUP BY k")).isInstanceOf(LaminarException.class)
          .satisfies(e -> assertThat(((LaminarException) e).code()).isEqualTo("LDB-1001"));
    }
  }
}
