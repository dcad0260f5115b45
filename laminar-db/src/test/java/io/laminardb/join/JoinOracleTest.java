package io.laminardb.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized joins checked against a plain-Java batch evaluation of the same rows. Both inputs arrive
 * interleaved in random batches, out of order but within the watermark delay (so no row is late), with
 * duplicate and NULL keys; at the end both watermarks pass everything. The joins' final output (all steps)
 * must equal the oracle's as a multiset: interval joins for every type, ASOF in every direction with and
 * without tolerance (the oracle picks among right rows pushed before the left row, ties to the latest
 * arrival), and lookup joins against a table written between pushes.
 */
class JoinOracleTest {
  static final long DELAY = 300;
  static final int KEYS = 6;

  record Ev(boolean isLeft, long id, String key, long ts) {}

  static Stream<Arguments> intervalCases() {
    List<Arguments> cases = new ArrayList<>();
    String[] types = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"};
    long[][] bounds = {{-100, 250}, {0, 0}, {50, 400}, {-500, -20}};
    for (long seed = 1; seed <= 12; seed++) {
      cases.add(Arguments.of(seed, types[(int) (seed % 4)], bounds[(int) (seed / 4 % 4)]));
    }
    for (String t : types) {
      cases.add(Arguments.of(100L + t.length(), t, bounds[0]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "seed {0} {1} {2}")
  @MethodSource("intervalCases")
  void intervalJoinMatchesBatchOracle(long seed, String type, long[] bound) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<Ev> events = events(rnd, 400);
    List<String> actual;
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE l (id BIGINT NOT NULL, k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - "
          + DELAY + ");"
          + "CREATE SOURCE r (id BIGINT NOT NULL, k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - "
          + DELAY + ");"
          + "CREATE STREAM j AS SELECT l.id AS lid, r.id AS rid FROM l " + type + " r ON l.k = r.k AND r.ts"
          + " BETWEEN l.ts + (" + bound[0] + ") AND l.ts + " + bound[1]);
      Subscription<Row> out = db.subscribe("j");
      db.start();
      push(db, rnd, events);
      db.sourceUntyped("l").watermark(1_000_000_000L);
      db.sourceUntyped("r").watermark(1_000_000_000L);
      db.awaitIdle();
      actual = render(out.poll());
    }
    assertThat(actual).as("seed %d %s", seed, type).isEqualTo(intervalOracle(events, type, bound));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void semiAndAntiJoinsMatchBatchOracle(long seed) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 13);
    List<Ev> events = events(rnd, 300);
    String bound = "r.ts BETWEEN l.ts - 40 AND l.ts + 120";
    List<String> semi;
    List<String> anti;
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE l (id BIGINT NOT NULL, k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - "
          + DELAY + ");"
          + "CREATE SOURCE r (id BIGINT NOT NULL, k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - "
          + DELAY + ");"
          + "CREATE STREAM s AS SELECT l.id AS lid, l.k AS k FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k"
          + " AND " + bound + ");"
          + "CREATE STREAM a AS SELECT l.id AS lid, l.k AS k FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE"
          + " r.k = l.k AND " + bound + ")");
      Subscription<Row> s = db.subscribe("s");
      Subscription<Row> a = db.subscribe("a");
      db.start();
      push(db, rnd, events);
      db.sourceUntyped("l").watermark(1_000_000_000L);
      db.sourceUntyped("r").watermark(1_000_000_000L);
      db.awaitIdle();
      semi = render(s.poll());
      anti = render(a.poll());
    }
    List<String> expectedSemi = new ArrayList<>();
    List<String> expectedAnti = new ArrayList<>();
    for (Ev l : events) {
      if (!l.isLeft()) {
        continue;
      }
      boolean matched = events.stream().anyMatch(r -> !r.isLeft() && l.key() != null && l.key().equals(r.key())
          && r.ts() >= l.ts() - 40 && r.ts() <= l.ts() + 120);
      (matched ? expectedSemi : expectedAnti).add(l.id() + "|" + (l.key() == null ? "NULL" : l.key()));
    }
    assertThat(semi).isEqualTo(sorted(expectedSemi));
    assertThat(anti).isEqualTo(sorted(expectedAnti));
  }

  static Stream<Arguments> asofCases() {
    List<Arguments> cases = new ArrayList<>();
    String[] conditions = {"l.ts >= r.ts", "l.ts <= r.ts", "NEAREST(l.ts, r.ts)", "l.ts > r.ts", "l.ts < r.ts"};
    for (long seed = 1; seed <= 15; seed++) {
      cases.add(Arguments.of(seed, conditions[(int) (seed % 5)], seed % 3 == 0 ? Long.MAX_VALUE : 150L));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "seed {0} {1} tolerance {2}")
  @MethodSource("asofCases")
  void asofJoinMatchesArrivalOrderOracle(long seed, String condition, long tolerance) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 31);
    List<Ev> events = events(rnd, 400);
    String tol = "";
    if (tolerance != Long.MAX_VALUE) {
      tol = condition.startsWith("NEAREST") ? " TOLERANCE " + tolerance
          : condition.contains(">") ? " AND l.ts - r.ts <= " + tolerance : " AND r.ts - l.ts <= " + tolerance;
    }
    List<String> actual;
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE l (id BIGINT NOT NULL, k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - "
          + DELAY + ");"
          + "CREATE SOURCE r (id BIGINT NOT NULL, k VARCHAR, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - "
          + DELAY + ");"
          + "CREATE STREAM j AS SELECT l.id AS lid, r.id AS rid FROM l ASOF JOIN r MATCH_CONDITION(" + condition
          + (tol.startsWith(" AND") ? tol + ")" : ")" + tol) + " ON l.k = r.k");
      Subscription<Row> out = db.subscribe("j");
      db.start();
      push(db, rnd, events);
      actual = render(out.poll());
    }
    assertThat(actual).as("seed %d %s", seed, condition).isEqualTo(asofOracle(events, condition, tolerance));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lookupJoinSeesTheTableAsOfEachPush(long seed) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 7);
    List<String> expectedInner = new ArrayList<>();
    List<String> expectedLeft = new ArrayList<>();
    String[] table = new String[KEYS];
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE s (id BIGINT NOT NULL, k VARCHAR);"
          + "CREATE TABLE t (k VARCHAR PRIMARY KEY, v VARCHAR);"
          + "CREATE STREAM inner_j AS SELECT s.id AS id, t.v AS v FROM s JOIN t ON s.k = t.k;"
          + "CREATE STREAM left_j AS SELECT s.id AS id, t.v AS v FROM s LEFT JOIN t ON s.k = t.k");
      Subscription<Row> inner = db.subscribe("inner_j");
      Subscription<Row> left = db.subscribe("left_j");
      db.start();
      long id = 0;
      for (int step = 0; step < 60; step++) {
        if (rnd.nextInt(3) == 0) {
          int k = rnd.nextInt(KEYS);
          String v = "v" + step;
          db.execute("INSERT INTO t VALUES ('k" + k + "', '" + v + "')");
          table[k] = v;
        } else {
          List<Object[]> batch = new ArrayList<>();
          for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
            int k = rnd.nextInt(KEYS + 1);
            String key = k == KEYS ? null : "k" + k;
            batch.add(new Object[] {id, key});
            String v = key == null ? null : table[k];
            if (v != null) {
              expectedInner.add(id + "|" + v);
            }
            expectedLeft.add(id + "|" + (v == null ? "NULL" : v));
            id++;
          }
          db.sourceUntyped("s").pushRows(batch);
        }
      }
      db.awaitIdle();
      assertThat(render(inner.poll())).isEqualTo(sorted(expectedInner));
      assertThat(render(left.poll())).isEqualTo(sorted(expectedLeft));
    }
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  /** Rows of both sides; times advance ~10 ms per row with disorder below the watermark delay. */
  static List<Ev> events(RandomGenerator rnd, int count) {
    List<Ev> events = new ArrayList<>();
    long[] next = {0, 0};
    for (int i = 0; i < count; i++) {
      boolean isLeft = rnd.nextBoolean();
      int side = isLeft ? 0 : 1;
      long ts = next[side] + rnd.nextLong(DELAY);
      next[side] += rnd.nextInt(20);
      int k = rnd.nextInt(KEYS + 1);
      events.add(new Ev(isLeft, i, k == KEYS ? null : "k" + k, ts));
    }
    return events;
  }

  /** Pushes runs of same-side events as one batch each (random run lengths), in event order. */
  static void push(LaminarDB db, RandomGenerator rnd, List<Ev> events) {
    int i = 0;
    while (i < events.size()) {
      boolean isLeft = events.get(i).isLeft();
      List<Object[]> batch = new ArrayList<>();
      int limit = 1 + rnd.nextInt(5);
      while (i < events.size() && events.get(i).isLeft() == isLeft && batch.size() < limit) {
        Ev e = events.get(i++);
        batch.add(new Object[] {e.id(), e.key(), e.ts()});
      }
      db.sourceUntyped(isLeft ? "l" : "r").pushRows(batch);
      if (rnd.nextInt(4) == 0) {
        db.awaitIdle();
      }
    }
    db.awaitIdle();
  }

  static List<String> intervalOracle(List<Ev> events, String type, long[] bound) {
    List<String> rows = new ArrayList<>();
    List<Ev> ls = events.stream().filter(Ev::isLeft).toList();
    List<Ev> rs = events.stream().filter(e -> !e.isLeft()).toList();
    boolean[] rightMatched = new boolean[events.size()];
    for (Ev l : ls) {
      boolean matched = false;
      for (Ev r : rs) {
        if (l.key() != null && l.key().equals(r.key()) && r.ts() >= l.ts() + bound[0]
            && r.ts() <= l.ts() + bound[1]) {
          rows.add(l.id() + "|" + r.id());
          matched = true;
          rightMatched[(int) r.id()] = true;
        }
      }
      if (!matched && (type.startsWith("LEFT") || type.startsWith("FULL"))) {
        rows.add(l.id() + "|NULL");
      }
    }
    if (type.startsWith("RIGHT") || type.startsWith("FULL")) {
      for (Ev r : rs) {
        if (!rightMatched[(int) r.id()]) {
          rows.add("NULL|" + r.id());
        }
      }
    }
    return sorted(rows);
  }

  static List<String> asofOracle(List<Ev> events, String condition, long tolerance) {
    List<String> rows = new ArrayList<>();
    List<Ev> arrived = new ArrayList<>();
    for (Ev e : events) {
      if (!e.isLeft()) {
        arrived.add(e);
        continue;
      }
      Ev best = null;
      for (Ev r : arrived) {
        if (e.key() == null || !e.key().equals(r.key()) || !qualifies(condition, e.ts(), r.ts())
            || Math.abs(e.ts() - r.ts()) > tolerance) {
          continue;
        }
        best = best == null || better(condition, e.ts(), r, best) ? r : best;
      }
      rows.add(e.id() + "|" + (best == null ? "NULL" : String.valueOf(best.id())));
    }
    return sorted(rows);
  }

  private static boolean qualifies(String condition, long t, long u) {
    return switch (condition) {
      case "l.ts >= r.ts" -> t >= u;
      case "l.ts > r.ts" -> t > u;
      case "l.ts <= r.ts" -> t <= u;
      case "l.ts < r.ts" -> t < u;
      default -> true;
    };
  }

  /** Whether {@code r} (arrived after {@code best}) is a better pick for a left row at {@code t}. */
  private static boolean better(String condition, long t, Ev r, Ev best) {
    long dr = Math.abs(t - r.ts());
    long db = Math.abs(t - best.ts());
    if (condition.startsWith("NEAREST")) {
      if (dr != db) {
        return dr < db;
      }
      // Equal distance: the earlier time wins; equal times: the latest arrival (r).
      return r.ts() <= best.ts();
    }
    return dr <= db;
  }

  static List<String> render(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      out.add((row.get(0) == null ? "NULL" : row.get(0)) + "|" + (row.get(1) == null ? "NULL" : row.get(1)));
    }
    return sorted(out);
  }

  static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    java.util.Collections.sort(copy);
    return copy;
  }
}
