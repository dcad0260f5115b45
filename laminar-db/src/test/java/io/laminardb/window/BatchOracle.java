package io.laminardb.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Plain-Java reference evaluator for the window and aggregate property tests. It never keeps incremental
 * state: every result row is recomputed from the full list of events that belong to the group, so the
 * oracle's only shared logic with the engine is the specification (§5, §7, §8, §24, §25).
 *
 * <p>Result rows are {@code Object[]}: {@code [k, windowStart, windowEnd, agg...]} for windowed queries and
 * {@code [k, agg...]} for plain GROUP BY; a view maps the group key ({@code [k, start]} or {@code [k]}) to
 * its row.
 */
final class BatchOracle {
  private BatchOracle() {}

  /** One input row; {@code seq} is the arrival order (the order in which the test pushed it). */
  record Event(long seq, String k, long v, Long x, double p, long ts, long weight) {
    Object[] sourceRow(boolean weighted) {
      return weighted ? new Object[] {k, v, x, p, ts, weight} : new Object[] {k, v, x, p, ts};
    }

    /** The same row with another weight (used for retractions of an earlier insert). */
    Event retraction(long newSeq) {
      return new Event(newSeq, k, v, x, p, ts, -1);
    }

    boolean sameRow(Event o) {
      return k.equals(o.k) && v == o.v && Objects.equals(x, o.x) && p == o.p && ts == o.ts;
    }

    @Override
    public String toString() {
      return "(" + k + "," + v + "," + x + "," + p + "," + ts + (weight == 1 ? "" : ",w=" + weight) + ")";
    }
  }

  /** One aggregate output column: its SQL select item and its batch definition over a group's events. */
  record Agg(String alias, String sql, Function<List<Event>, Object> eval) {
    String selectItem() {
      return sql + " AS " + alias;
    }
  }

  // ---- aggregate definitions (events arrive in arrival order; all NULL handling per spec §25) ----

  static final Agg COUNT_STAR = new Agg("n", "COUNT(*)", es -> (long) es.size());
  static final Agg COUNT_X = new Agg("nx", "COUNT(x)", es -> es.stream().filter(e -> e.x != null).count());
  static final Agg SUM_V = new Agg("sv", "SUM(v)", es -> es.stream().mapToLong(Event::v).sum());
  static final Agg SUM_X = new Agg("sx", "SUM(x)", es -> nonNullX(es).isEmpty() ? null
      : nonNullX(es).stream().mapToLong(Long::longValue).sum());
  static final Agg MIN_V = new Agg("mn", "MIN(v)", es -> es.stream().mapToLong(Event::v).min().orElseThrow());
  static final Agg MAX_X = new Agg("mx", "MAX(x)", es -> nonNullX(es).stream().max(Long::compare).orElse(null));
  static final Agg AVG_V = new Agg("av", "AVG(v)", es -> (double) es.stream().mapToLong(Event::v).sum()
      / es.size());
  static final Agg SUM_P = new Agg("sp", "SUM(p)", es -> {
    double s = 0;
    for (Event e : es) {
      s += e.p;
    }
    return s;
  });
  static final Agg STDDEV_P = new Agg("sd", "STDDEV_SAMP(p)", BatchOracle::stddevSamp);
  static final Agg FIRST_V = new Agg("fv", "FIRST_VALUE(v)", es -> es.stream()
      .min(Comparator.comparingLong(Event::ts).thenComparingLong(Event::seq)).orElseThrow().v);
  static final Agg LAST_X = new Agg("lx", "LAST_VALUE(x)", es -> es.stream()
      .max(Comparator.comparingLong(Event::ts).thenComparingLong(Event::seq)).orElseThrow().x);
  static final Agg DISTINCT_V = new Agg("dv", "COUNT(DISTINCT v)", es -> es.stream().map(Event::v)
      .distinct().count());
  static final Agg BOOL_AND_V = new Agg("ba", "BOOL_AND(v > 0)", es -> es.stream().allMatch(e -> e.v > 0));
  static final Agg BOOL_OR_X = new Agg("bo", "BOOL_OR(x > 40)", es -> nonNullX(es).isEmpty() ? null
      : nonNullX(es).stream().anyMatch(x -> x > 40));
  static final Agg COUNT_FILTER = new Agg("n3", "COUNT(*) FILTER (WHERE v % 3 = 0)", es -> es.stream()
      .filter(e -> e.v % 3 == 0).count());
  static final Agg SUM_FILTER = new Agg("svf", "SUM(v) FILTER (WHERE p < 0.5)", es -> es.stream()
      .anyMatch(e -> e.p < 0.5) ? es.stream().filter(e -> e.p < 0.5).mapToLong(Event::v).sum() : null);

  /** Every aggregate the window tests exercise. */
  static final List<Agg> ALL_AGGS = List.of(COUNT_STAR, COUNT_X, SUM_V, SUM_X, MIN_V, MAX_X, AVG_V, SUM_P,
      STDDEV_P, FIRST_V, LAST_X, DISTINCT_V, BOOL_AND_V, BOOL_OR_X, COUNT_FILTER, SUM_FILTER);

  /** Aggregates that must retract over a changelog input (spec §8.3). */
  static final List<Agg> RETRACTABLE_AGGS = List.of(COUNT_STAR, COUNT_X, SUM_V, SUM_X, MIN_V, MAX_X, AVG_V,
      SUM_P);

  static String selectList(List<Agg> aggs) {
    return String.join(", ", aggs.stream().map(Agg::selectItem).toList());
  }

  private static List<Long> nonNullX(List<Event> es) {
    List<Long> out = new ArrayList<>();
    for (Event e : es) {
      if (e.x != null) {
        out.add(e.x);
      }
    }
    return out;
  }

  private static Object stddevSamp(List<Event> es) {
    if (es.size() < 2) {
      return null;
    }
    double mean = 0;
    for (Event e : es) {
      mean += e.p;
    }
    mean /= es.size();
    double ss = 0;
    for (Event e : es) {
      ss += (e.p - mean) * (e.p - mean);
    }
    return Math.sqrt(ss / (es.size() - 1));
  }

  static Object[] evaluate(List<Object> key, long start, long end, List<Event> events, List<Agg> aggs) {
    List<Event> byArrival = new ArrayList<>(events);
    byArrival.sort(Comparator.comparingLong(Event::seq));
    Object[] row = new Object[3 + aggs.size()];
    row[0] = key.get(0);
    row[1] = start;
    row[2] = end;
    for (int i = 0; i < aggs.size(); i++) {
      row[3 + i] = aggs.get(i).eval().apply(byArrival);
    }
    return row;
  }

  // ---- window shapes (spec §5.1) ----

  enum Kind { TUMBLE, HOP, SESSION }

  /** A window definition in milliseconds; {@code size} is the gap for sessions. */
  record Shape(Kind kind, long size, long slide, long offset) {
    static Shape tumble(int sizeSec, int offsetSec) {
      return new Shape(Kind.TUMBLE, sizeSec * 1000L, sizeSec * 1000L, offsetSec * 1000L);
    }

    static Shape hop(int slideSec, int sizeSec) {
      return new Shape(Kind.HOP, sizeSec * 1000L, slideSec * 1000L, 0);
    }

    static Shape session(int gapSec) {
      return new Shape(Kind.SESSION, gapSec * 1000L, 0, 0);
    }

    private static String sec(long ms) {
      return "INTERVAL '" + ms / 1000 + "' SECOND";
    }

    private String args() {
      return switch (kind) {
        case TUMBLE -> "ts, " + sec(size) + (offset == 0 ? "" : ", " + sec(offset));
        case HOP -> "ts, " + sec(slide) + ", " + sec(size);
        case SESSION -> "ts, " + sec(size);
      };
    }

    String groupCall() {
      return kind.name() + "(" + args() + ")";
    }

    String startItem() {
      String fn = switch (kind) {
        case TUMBLE -> "TUMBLE_START";
        case HOP -> "hop_start";
        case SESSION -> "session_start";
      };
      return "CAST(" + fn + "(" + args() + ") AS BIGINT) AS ws";
    }

    String endItem() {
      String fn = switch (kind) {
        case TUMBLE -> "tumble_end";
        case HOP -> "hop_end";
        case SESSION -> "session_end";
      };
      return "CAST(" + fn + "(" + args() + ") AS BIGINT) AS we";
    }

    /** Starts of every fixed window instance containing {@code t}, ascending. */
    List<Long> starts(long t) {
      long last = Math.floorDiv(t - offset, slide) * slide + offset;
      List<Long> out = new ArrayList<>();
      for (long s = last; s + size > t; s -= slide) {
        out.addFirst(s);
      }
      return out;
    }

    @Override
    public String toString() {
      return groupCall();
    }
  }

  /** The accepted events of one query, judged step by step against the watermark before each step. */
  interface QueryOracle {
    /** Feeds one pushed batch; {@code wBefore} is the query watermark in force before the step. */
    void step(List<Event> batch, long wBefore);

    /** Input rows dropped as late so far (spec §7). */
    long late();

    /** Group keys that received an accepted row in the last step. */
    Set<List<Object>> touched();

    /** Result rows over everything accepted so far, keyed by {@code [k, start]}. */
    Map<List<Object>, Object[]> rows();
  }

  /**
   * TUMBLE/HOP: an event joins each of its instances that is not purged ({@code end + L > W}); it is late
   * when all of them are purged.
   */
  static final class FixedWindows implements QueryOracle {
    private final Shape shape;
    private final long lateness;
    private final List<Agg> aggs;
    private final Map<List<Object>, List<Event>> groups = new LinkedHashMap<>();
    /** Evaluated rows of groups unchanged since their evaluation (a cache, not incremental state). */
    private final Map<List<Object>, Object[]> evaluated = new LinkedHashMap<>();
    private final Set<List<Object>> touched = new LinkedHashSet<>();
    private long late;

    FixedWindows(Shape shape, long lateness, List<Agg> aggs) {
      this.shape = shape;
      this.lateness = lateness;
      this.aggs = aggs;
    }

    @Override
    public void step(List<Event> batch, long wBefore) {
      touched.clear();
      for (Event e : batch) {
        boolean accepted = false;
        for (long s : shape.starts(e.ts)) {
          if (wBefore == Long.MIN_VALUE || s + shape.size + lateness > wBefore) {
            List<Object> key = List.of(e.k, s);
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(e);
            evaluated.remove(key);
            touched.add(key);
            accepted = true;
          }
        }
        if (!accepted) {
          late++;
        }
      }
    }

    @Override
    public long late() {
      return late;
    }

    @Override
    public Set<List<Object>> touched() {
      return touched;
    }

    @Override
    public Map<List<Object>, Object[]> rows() {
      Map<List<Object>, Object[]> out = new LinkedHashMap<>();
      groups.forEach((key, events) -> {
        long s = (Long) key.get(1);
        out.put(key, evaluated.computeIfAbsent(key, k -> evaluate(k, s, s + shape.size, events, aggs)));
      });
      return out;
    }
  }

  /**
   * SESSION: brute-force single-linkage per key (consecutive events at most {@code gap} apart share a
   * session). Sessions purged before a step ({@code end + L <= W}) are frozen and never reopened; an event
   * is late when {@code t + gap + L <= W}.
   */
  static final class Sessions implements QueryOracle {
    private final long gap;
    private final long lateness;
    private final List<Agg> aggs;
    private final Map<String, List<List<Event>>> frozen = new LinkedHashMap<>();
    private final Map<String, List<Event>> active = new LinkedHashMap<>();
    /** Evaluated rows per key, dropped whenever the key's events change (a cache, not incremental state). */
    private final Map<String, Map<List<Object>, Object[]>> evaluated = new LinkedHashMap<>();
    private final Set<List<Object>> touched = new LinkedHashSet<>();
    private long late;

    Sessions(long gap, long lateness, List<Agg> aggs) {
      this.gap = gap;
      this.lateness = lateness;
      this.aggs = aggs;
    }

    @Override
    public void step(List<Event> batch, long wBefore) {
      touched.clear();
      if (wBefore != Long.MIN_VALUE) {
        for (Map.Entry<String, List<Event>> e : active.entrySet()) {
          List<Event> keep = new ArrayList<>();
          for (List<Event> s : sessionize(e.getValue(), gap)) {
            if (last(s) + gap + lateness <= wBefore) {
              frozen.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(s);
              evaluated.remove(e.getKey());
            } else {
              keep.addAll(s);
            }
          }
          e.setValue(keep);
        }
      }
      Set<String> keys = new HashSet<>();
      for (Event e : batch) {
        if (wBefore != Long.MIN_VALUE && e.ts + gap + lateness <= wBefore) {
          late++;
        } else {
          active.computeIfAbsent(e.k, x -> new ArrayList<>()).add(e);
          evaluated.remove(e.k);
          keys.add(e.k);
        }
      }
      for (String k : keys) {
        for (List<Event> s : sessionize(active.get(k), gap)) {
          if (s.stream().anyMatch(batch::contains)) {
            touched.add(List.of(k, s.getFirst().ts));
          }
        }
      }
    }

    @Override
    public long late() {
      return late;
    }

    @Override
    public Set<List<Object>> touched() {
      return touched;
    }

    @Override
    public Map<List<Object>, Object[]> rows() {
      Set<String> keys = new LinkedHashSet<>(frozen.keySet());
      keys.addAll(active.keySet());
      Map<List<Object>, Object[]> out = new LinkedHashMap<>();
      for (String k : keys) {
        out.putAll(evaluated.computeIfAbsent(k, this::evaluateKey));
      }
      return out;
    }

    private Map<List<Object>, Object[]> evaluateKey(String k) {
      Map<List<Object>, Object[]> out = new LinkedHashMap<>();
      frozen.getOrDefault(k, List.of()).forEach(s -> put(out, k, s));
      sessionize(active.getOrDefault(k, List.of()), gap).forEach(s -> put(out, k, s));
      return out;
    }

    private void put(Map<List<Object>, Object[]> out, String k, List<Event> s) {
      List<Object> key = List.of(k, s.getFirst().ts);
      if (out.containsKey(key)) {
        // A frozen session and a newer one can only share a start if the newer one started exactly there,
        // which the lateness rule excludes (t + gap + L > W >= frozen end + L > start + gap).
        throw new IllegalStateException("two oracle sessions with one start: " + key);
      }
      out.put(key, evaluate(key, s.getFirst().ts, last(s) + gap, s, aggs));
    }

    private static long last(List<Event> session) {
      return session.getLast().ts;
    }
  }

  /** Splits one key's events into sessions: sorted by time, a new session starts where the gap exceeds gap. */
  static List<List<Event>> sessionize(List<Event> events, long gap) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Event::ts).thenComparingLong(Event::seq));
    List<List<Event>> out = new ArrayList<>();
    List<Event> cur = null;
    for (Event e : sorted) {
      if (cur == null || e.ts - cur.getLast().ts > gap) {
        cur = new ArrayList<>();
        out.add(cur);
      }
      cur.add(e);
    }
    return out;
  }

  /** Plain GROUP BY k over a (possibly weighted) input: the net multiset per key (spec §8.3, §24.5). */
  static final class GroupBy {
    private final List<Agg> aggs;
    private final Map<String, List<Event>> live = new LinkedHashMap<>();

    GroupBy(List<Agg> aggs) {
      this.aggs = aggs;
    }

    /** Applies a batch; returns the keys it touched. */
    Set<String> step(List<Event> batch) {
      Set<String> touched = new LinkedHashSet<>();
      for (Event e : batch) {
        touched.add(e.k);
        List<Event> rows = live.computeIfAbsent(e.k, x -> new ArrayList<>());
        if (e.weight > 0) {
          rows.add(e);
        } else {
          int at = 0;
          while (at < rows.size() && !rows.get(at).sameRow(e)) {
            at++;
          }
          if (at == rows.size()) {
            throw new IllegalStateException("generator retracted a row that is not live: " + e);
          }
          rows.remove(at);
        }
      }
      return touched;
    }

    /** Rows {@code [k, agg...]} for every key with a positive net count. */
    Map<List<Object>, Object[]> rows() {
      Map<List<Object>, Object[]> out = new LinkedHashMap<>();
      live.forEach((k, events) -> {
        if (!events.isEmpty()) {
          List<Event> byArrival = new ArrayList<>(events);
          byArrival.sort(Comparator.comparingLong(Event::seq));
          Object[] row = new Object[1 + aggs.size()];
          row[0] = k;
          for (int i = 0; i < aggs.size(); i++) {
            row[1 + i] = aggs.get(i).eval().apply(byArrival);
          }
          out.put(List.of(k), row);
        }
      });
      return out;
    }
  }
}
