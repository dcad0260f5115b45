package io.laminardb.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property (spec §11.2): after every step, each top-N query emits exactly the rank positions whose occupant
 * or rank changed against a plain-Java batch ranking of all rows so far (ties: earlier arrival first;
 * NULLs last ascending, first descending). Upsert mode emits the new occupants; EMIT CHANGES emits the old
 * occupants with -1 before the new ones with +1.
 */
class TopNOracleTest {
  static final int SEEDS = Integer.getInteger("laminar.oracle.seeds", 30);

  static LongStream seeds() {
    return LongStream.range(0, SEEDS).map(i -> 0x70B0_0000L + i * 104_729L);
  }

  record Event(long id, String g, Long score) {}

  enum Kind { ROW_NUMBER, RANK, DENSE_RANK }

  record Query(String name, Kind kind, boolean isDescending, int limit, boolean isChanges) {
    String sql() {
      return "CREATE STREAM " + name + " AS SELECT g, id, score, r FROM (SELECT g, id, score, " + kind
          + "() OVER (PARTITION BY g ORDER BY score" + (isDescending ? " DESC" : "") + ") AS r FROM s) t"
          + " WHERE r <= " + limit + (isChanges ? " EMIT CHANGES" : "");
    }
  }

  static final List<Query> QUERIES = List.of(new Query("rn_up", Kind.ROW_NUMBER, true, 3, false),
      new Query("rn_ch", Kind.ROW_NUMBER, false, 2, true), new Query("rk_ch", Kind.RANK, false, 2, true),
      new Query("dr_ch", Kind.DENSE_RANK, true, 2, true), new Query("rk_up", Kind.RANK, true, 1, false));

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void rankChangesEqualTheOracleAfterEveryStep(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE s (id BIGINT NOT NULL, g VARCHAR NOT NULL, score BIGINT)");
      Map<Query, Subscription<Row>> subscriptions = new HashMap<>();
      for (Query q : QUERIES) {
        db.execute(q.sql());
        subscriptions.put(q, db.subscribe(q.name()));
      }
      db.execute("CREATE STREAM lim AS SELECT g, id, score FROM s ORDER BY score DESC NULLS LAST LIMIT 4"
          + " EMIT CHANGES");
      Subscription<Row> limit = db.subscribe("lim");
      db.start();
      UntypedSourceHandle source = db.sourceUntyped("s");
      List<Long> limitShown = new ArrayList<>();
      List<Event> all = new ArrayList<>();
      Map<Query, Map<String, List<long[]>>> shown = new HashMap<>();
      long id = 0;
      int stepCount = 30 + rnd.nextInt(40);
      for (int step = 0; step < stepCount; step++) {
        List<Object[]> batch = new ArrayList<>();
        for (int r = 1 + rnd.nextInt(5); r > 0; r--) {
          Long score = rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(12);
          Event e = new Event(id++, "g" + rnd.nextInt(3), score);
          all.add(e);
          batch.add(new Object[] {e.id(), e.g(), e.score()});
        }
        source.pushRows(batch);
        db.awaitIdle();
        for (Query q : QUERIES) {
          Map<String, List<long[]>> now = rank(all, q);
          Map<String, List<long[]>> before = shown.getOrDefault(q, Map.of());
          List<List<Object>> expected = changes(before, now, q, all);
          List<List<Object>> actual = new ArrayList<>();
          for (Row row : subscriptions.get(q).poll()) {
            actual.add(Arrays.asList(row.values()));
          }
          String at = "seed=" + seed + " step " + step + " " + q.name();
          assertThat(actual).as(at).containsExactlyInAnyOrderElementsOf(expected);
          if (q.isChanges()) {
            int firstInsert = actual.size();
            for (int i = 0; i < actual.size(); i++) {
              if ((Long) actual.get(i).get(4) > 0) {
                firstInsert = Math.min(firstInsert, i);
              } else {
                assertThat(i).as("%s: retraction after an insertion", at).isLessThan(firstInsert);
              }
            }
          }
          shown.put(q, now);
        }
        checkLimit(all, limitShown, limit.poll(), "seed=" + seed + " step " + step + " lim");
      }
    }
  }

  /**
   * Top-N over an aggregate's upsert output: after every step the keyed view must hold, at ranks 1..3, the
   * groups with the three largest current totals (ties may go either way: the aggregate's emission order
   * within a step is unspecified), each with its exact total.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void topNOverAnUpdatingAggregateHoldsTheCurrentLeaders(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5A5AL);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE u (k VARCHAR NOT NULL, delta BIGINT NOT NULL)");
      db.execute("CREATE MATERIALIZED VIEW board AS SELECT k, total, rn FROM (SELECT k, total, ROW_NUMBER()"
          + " OVER (ORDER BY total DESC) AS rn FROM (SELECT k, SUM(delta) AS total FROM u GROUP BY k) g) x"
          + " WHERE rn <= 3");
      db.start();
      UntypedSourceHandle source = db.sourceUntyped("u");
      Map<String, Long> totals = new HashMap<>();
      for (int step = 0; step < 40; step++) {
        List<Object[]> batch = new ArrayList<>();
        for (int r = 1 + rnd.nextInt(4); r > 0; r--) {
          String k = "k" + rnd.nextInt(8);
          long delta = rnd.nextLong(-40, 60);
          totals.merge(k, delta, Long::sum);
          batch.add(new Object[] {k, delta});
        }
        source.pushRows(batch);
        db.awaitIdle();
        List<Row> board = new ArrayList<>(db.execute("SELECT k, total, rn FROM board").rows());
        board.sort(Comparator.comparingLong(row -> row.getLong(2)));
        List<Long> best = totals.values().stream().sorted(Comparator.reverseOrder()).limit(3).toList();
        String at = "seed=" + seed + " step " + step;
        assertThat(board.stream().map(row -> row.getLong(2)).toList()).as("%s: ranks", at)
            .isEqualTo(LongStream.rangeClosed(1, best.size()).boxed().toList());
        assertThat(board.stream().map(row -> row.getLong(1)).toList()).as("%s: totals", at).isEqualTo(best);
        assertThat(board).as("%s: each total is its group's", at)
            .allSatisfy(row -> assertThat(row.getLong(1)).isEqualTo(totals.get(row.getString(0))));
        assertThat(board.stream().map(row -> row.getString(0)).distinct().count()).isEqualTo(board.size());
      }
    }
  }

  /** ORDER BY score DESC NULLS LAST LIMIT 4: retract rows that left the set, insert those that entered. */
  static void checkLimit(List<Event> all, List<Long> shown, List<Row> rows, String at) {
    List<Event> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(Event::score, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
        .reversed());
    List<Long> now = sorted.subList(0, Math.min(4, sorted.size())).stream().map(Event::id).toList();
    List<List<Object>> expected = new ArrayList<>();
    for (long id : shown) {
      if (!now.contains(id)) {
        Event e = all.get((int) id);
        expected.add(Arrays.asList(e.g(), e.id(), e.score(), -1L));
      }
    }
    for (long id : now) {
      if (!shown.contains(id)) {
        Event e = all.get((int) id);
        expected.add(Arrays.asList(e.g(), e.id(), e.score(), 1L));
      }
    }
    List<List<Object>> actual = new ArrayList<>();
    for (Row row : rows) {
      actual.add(Arrays.asList(row.values()));
    }
    assertThat(actual).as(at).containsExactlyInAnyOrderElementsOf(expected);
    shown.clear();
    shown.addAll(now);
  }

  /** Per partition, the (id, rank) of each position with rank <= limit. */
  static Map<String, List<long[]>> rank(List<Event> all, Query q) {
    Comparator<Long> scores = (a, b) -> {
      if (a == null || b == null) {
        // NULLs are the largest values (PostgreSQL): last ascending, first descending.
        return a == null && b == null ? 0 : a == null ? 1 : -1;
      }
      return Long.compare(a, b);
    };
    Comparator<Long> order = q.isDescending() ? scores.reversed() : scores;
    Map<String, List<Event>> byPartition = new HashMap<>();
    for (Event e : all) {
      byPartition.computeIfAbsent(e.g(), x -> new ArrayList<>()).add(e);
    }
    Map<String, List<long[]>> out = new HashMap<>();
    for (var entry : byPartition.entrySet()) {
      List<Event> rows = new ArrayList<>(entry.getValue());
      rows.sort((a, b) -> order.compare(a.score(), b.score()));
      List<long[]> ranked = new ArrayList<>();
      long rank = 0;
      for (int i = 0; i < rows.size(); i++) {
        boolean tie = i > 0 && order.compare(rows.get(i).score(), rows.get(i - 1).score()) == 0;
        rank = switch (q.kind()) {
          case ROW_NUMBER -> i + 1;
          case RANK -> tie ? rank : i + 1;
          case DENSE_RANK -> tie ? rank : rank + 1;
        };
        if (rank <= q.limit()) {
          ranked.add(new long[] {rows.get(i).id(), rank});
        }
      }
      out.put(entry.getKey(), ranked);
    }
    return out;
  }

  static List<List<Object>> changes(Map<String, List<long[]>> before, Map<String, List<long[]>> now, Query q,
      List<Event> all) {
    List<List<Object>> out = new ArrayList<>();
    for (var entry : now.entrySet()) {
      List<long[]> old = before.getOrDefault(entry.getKey(), List.of());
      List<long[]> cur = entry.getValue();
      for (int i = 0; i < Math.max(old.size(), cur.size()); i++) {
        boolean same = i < old.size() && i < cur.size() && Arrays.equals(old.get(i), cur.get(i));
        if (same) {
          continue;
        }
        if (q.isChanges() && i < old.size()) {
          out.add(row(all, old.get(i), -1, true));
        }
        if (i < cur.size()) {
          out.add(row(all, cur.get(i), 1, q.isChanges()));
        }
      }
    }
    return out;
  }

  static List<Object> row(List<Event> all, long[] idRank, long weight, boolean withWeight) {
    Event e = all.get((int) idRank[0]);
    List<Object> row = new ArrayList<>(Arrays.asList(e.g(), e.id(), e.score(), idRank[1]));
    if (withWeight) {
      row.add(weight);
    }
    return row;
  }
}
