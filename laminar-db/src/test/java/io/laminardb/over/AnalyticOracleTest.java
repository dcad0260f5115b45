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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property (spec §11.1, §11.3): randomized pushes (several partitions, a NULL partition, NULL values, event
 * times out of order within and across batches) and watermark steps; after every step each query's output
 * must equal a plain-Java evaluation over the partition sequences (arrival order across steps, each batch
 * stably sorted by event time). LEAD rows are checked against a simulation of the rule "emitted once the
 * offset-th later row arrived, or when the watermark passes the row's time, with the default for rows that
 * never came".
 */
class AnalyticOracleTest {
  static final int SEEDS = Integer.getInteger("laminar.oracle.seeds", 30);
  static final long DELAY = 1_000;

  static LongStream seeds() {
    return LongStream.range(0, SEEDS).map(i -> 0xA11A_0000L + i * 7_919L);
  }

  record Event(long id, String k, Long v, long ts) {}

  /** A step: rows to push (one batch), or a manual watermark when {@code rows} is null. */
  record Step(List<Event> rows, long watermark) {}

  static final String W = "PARTITION BY k ORDER BY ts";
  static final String BACK = "SELECT id, LAG(v) OVER (" + W + ") AS l1, LAG(v, 3, -7) OVER (" + W + ") AS l3,"
      + " SUM(v) OVER (" + W + " ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s2,"
      + " MIN(v) OVER (" + W + " ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS mn4,"
      + " MAX(v) OVER (" + W + ") AS mx, COUNT(v) OVER (" + W + " ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS c3,"
      + " COUNT(*) OVER (" + W + ") AS n, FIRST_VALUE(v) OVER (" + W + ") AS f,"
      + " NTH_VALUE(v, 2) OVER (" + W + " ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS nth2,"
      + " SUM(v) OVER (" + W + ") AS total FROM t";
  static final String FORWARD = "SELECT id, LEAD(v) OVER (" + W + ") AS n1, LEAD(v, 3, -1) OVER (" + W + ") AS n3,"
      + " LAG(v, 2) OVER (" + W + ") AS l2,"
      + " SUM(v) OVER (" + W + " ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS s12,"
      + " COUNT(*) OVER (" + W + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) AS cu1,"
      + " MAX(v) OVER (" + W + " ROWS BETWEEN CURRENT ROW AND 3 FOLLOWING) AS mx3,"
      + " LAST_VALUE(v) OVER (" + W + " ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS lv1,"
      + " NTH_VALUE(v, 3) OVER (" + W + " ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS nth3 FROM t";

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void analyticFunctionsEqualTheOracleAfterEveryStep(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Step> steps = generate(rnd, 40 + rnd.nextInt(60));
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE t (id BIGINT NOT NULL, k VARCHAR, v BIGINT, ts BIGINT NOT NULL,"
          + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE STREAM back AS " + BACK);
      db.execute("CREATE STREAM forward AS " + FORWARD);
      Subscription<Row> back = db.subscribe("back");
      Subscription<Row> forward = db.subscribe("forward");
      db.start();
      UntypedSourceHandle source = db.sourceUntyped("t");
      Oracle oracle = new Oracle();
      for (int s = 0; s < steps.size(); s++) {
        Step step = steps.get(s);
        if (step.rows() == null) {
          source.watermark(step.watermark());
        } else {
          List<Object[]> batch = new ArrayList<>();
          for (Event e : step.rows()) {
            batch.add(new Object[] {e.id(), e.k(), e.v(), e.ts()});
          }
          source.pushRows(batch);
        }
        db.awaitIdle();
        Oracle.StepResult expected = oracle.apply(step);
        String at = "seed=" + seed + " step " + s;
        assertThat(byId(back.poll())).as("%s: backward functions", at).isEqualTo(expected.back());
        assertThat(byId(forward.poll())).as("%s: LEAD", at).isEqualTo(expected.forward());
      }
    }
  }

  static List<Step> generate(SplittableRandom rnd, int count) {
    String[] keys = {"a", "b", "c", null};
    List<Step> steps = new ArrayList<>();
    long id = 0;
    long nominal = 10_000;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      if (rnd.nextInt(6) == 0) {
        watermark = Math.max(watermark, nominal - rnd.nextLong(0, 3_000));
        steps.add(new Step(null, watermark));
        continue;
      }
      int rows = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 12 : 4);
      List<Event> batch = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        nominal += rnd.nextInt(400);
        long ts = nominal - rnd.nextLong(0, rnd.nextInt(3) == 0 ? 2_500 : 300);
        Long v = rnd.nextInt(7) == 0 ? null : (long) rnd.nextInt(-50, 100);
        batch.add(new Event(id++, keys[rnd.nextInt(rnd.nextInt(5) == 0 ? 4 : 3)], v, ts));
      }
      steps.add(new Step(batch, 0));
    }
    steps.add(new Step(null, Long.MAX_VALUE - 1));
    return steps;
  }

  static Map<Long, List<Object>> byId(List<Row> rows) {
    Map<Long, List<Object>> out = new HashMap<>();
    for (Row r : rows) {
      List<Object> values = new ArrayList<>();
      for (int c = 1; c < r.size(); c++) {
        values.add(r.get(c));
      }
      assertThat(out.put(r.getLong(0), values)).as("row %d emitted twice in a step", r.getLong(0)).isNull();
    }
    return out;
  }

  /** The plain-Java evaluation. */
  static final class Oracle {
    record StepResult(Map<Long, List<Object>> back, Map<Long, List<Object>> forward) {}

    private final Map<String, List<Event>> partitions = new LinkedHashMap<>();
    private final Map<Long, Boolean> emitted = new HashMap<>();
    private long watermark = Long.MIN_VALUE;

    StepResult apply(Step step) {
      Map<Long, List<Object>> back = new HashMap<>();
      Map<Long, List<Object>> forward = new HashMap<>();
      long newWatermark = watermark;
      if (step.rows() == null) {
        newWatermark = Math.max(watermark, step.watermark());
      } else {
        List<Event> sorted = new ArrayList<>(step.rows());
        sorted.sort(Comparator.comparingLong(Event::ts));
        for (Event e : sorted) {
          List<Event> seq = partitions.computeIfAbsent(e.k(), x -> new ArrayList<>());
          seq.add(e);
          int i = seq.size() - 1;
          back.put(e.id(), backward(seq, i));
          emitted.put(e.id(), false);
          if (i >= 3 && !emitted.get(seq.get(i - 3).id())) {
            forward.put(seq.get(i - 3).id(), lead(seq, i - 3));
          }
          newWatermark = Math.max(newWatermark, e.ts() - DELAY);
        }
      }
      if (newWatermark > watermark) {
        watermark = newWatermark;
        for (List<Event> seq : partitions.values()) {
          for (int i = 0; i < seq.size(); i++) {
            Event e = seq.get(i);
            if (!emitted.get(e.id()) && e.ts() < watermark) {
              forward.put(e.id(), lead(seq, i));
            }
          }
        }
      }
      return new StepResult(back, forward);
    }

    private List<Object> lead(List<Event> seq, int i) {
      emitted.put(seq.get(i).id(), true);
      Object n1 = i + 1 < seq.size() ? seq.get(i + 1).v() : null;
      Object n3 = i + 3 < seq.size() ? seq.get(i + 3).v() : (Object) (-1L);
      Object l2 = i >= 2 ? seq.get(i - 2).v() : null;
      // Frames reaching past the current row see the rows that arrived before the row was emitted.
      List<Event> s12 = window(seq, i, 1, 2);
      List<Event> mx3 = window(seq, i, 0, 3);
      List<Event> lv1 = window(seq, i, 0, 1);
      List<Event> nth = window(seq, i, 1, 2);
      return Arrays.asList(n1, n3, l2, sum(s12), (long) window(seq, i, i, 1).size(), max(mx3),
          lv1.getLast().v(), nth.size() >= 3 ? nth.get(2).v() : null);
    }

    private static List<Object> backward(List<Event> seq, int i) {
      Object l1 = i >= 1 ? seq.get(i - 1).v() : null;
      Object l3 = i >= 3 ? seq.get(i - 3).v() : (Object) (-7L);
      Object nth2 = frame(seq, i, 3).size() >= 2 ? frame(seq, i, 3).get(1).v() : null;
      return Arrays.asList(l1, l3, sum(frame(seq, i, 2)), min(frame(seq, i, 4)), max(frame(seq, i, i)),
          (long) values(frame(seq, i, 3)).size(), (long) i + 1, seq.get(0).v(), nth2, sum(frame(seq, i, i)));
    }

    private static List<Event> window(List<Event> seq, int i, int preceding, int following) {
      return seq.subList(Math.max(0, i - preceding), Math.min(seq.size(), i + following + 1));
    }

    private static List<Event> frame(List<Event> seq, int i, int preceding) {
      return seq.subList(Math.max(0, i - preceding), i + 1);
    }

    private static List<Long> values(List<Event> frame) {
      return frame.stream().map(Event::v).filter(Objects::nonNull).toList();
    }

    private static Long sum(List<Event> frame) {
      List<Long> v = values(frame);
      return v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).sum();
    }

    private static Long min(List<Event> frame) {
      return values(frame).stream().min(Long::compare).orElse(null);
    }

    private static Long max(List<Event> frame) {
      return values(frame).stream().max(Long::compare).orElse(null);
    }
  }
}
