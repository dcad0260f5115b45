package io.laminardb.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.laminardb.LaminarDB;
import io.laminardb.PipelineMetrics;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.window.BatchOracle.Agg;
import io.laminardb.window.BatchOracle.Event;
import io.laminardb.window.BatchOracle.Kind;
import io.laminardb.window.BatchOracle.QueryOracle;
import io.laminardb.window.BatchOracle.Shape;
import io.laminardb.window.EventGen.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one generated input against several windowed queries over the same source and, after every step,
 * compares what each query's subscriber has reconstructed with the oracle view that its EMIT mode implies
 * (spec §6.1 table, §24.1/§24.2). The query watermark is tracked independently (§4.2) and must equal the
 * source's.
 */
final class WindowRun implements AutoCloseable {
  /** Far beyond every generated time: fires and purges everything. */
  static final long FLUSH = Long.MAX_VALUE / 4;

  enum Mode {
    DEFAULT(""),
    ON_WINDOW_CLOSE("EMIT ON WINDOW CLOSE"),
    FINAL("EMIT FINAL"),
    ON_UPDATE("EMIT ON UPDATE"),
    CHANGES("EMIT CHANGES");

    final String clause;

    Mode(String clause) {
      this.clause = clause;
    }
  }

  /** One continuous query under test. */
  record QuerySpec(String name, Shape shape, Mode mode, long lateness, List<Agg> aggs) {
    String sql(String source) {
      return "CREATE STREAM " + name + " AS SELECT k, " + shape.startItem() + ", " + shape.endItem() + ", "
          + BatchOracle.selectList(aggs) + " FROM " + source + " GROUP BY k, " + shape.groupCall()
          + (lateness > 0 ? " ALLOW LATENESS INTERVAL '" + lateness / 1000 + "' SECOND" : "")
          + (mode.clause.isEmpty() ? "" : " " + mode.clause);
    }

    /** FINAL ignores ALLOW LATENESS (spec §6.1). */
    long effectiveLateness() {
      return mode == Mode.FINAL ? 0 : lateness;
    }

    ResultView.Kind viewKind() {
      return switch (mode) {
        case DEFAULT -> lateness == 0 ? ResultView.Kind.ONCE : ResultView.Kind.UPSERT;
        case ON_WINDOW_CLOSE, FINAL -> ResultView.Kind.ONCE;
        case ON_UPDATE -> ResultView.Kind.UPSERT;
        case CHANGES -> ResultView.Kind.CHANGES;
      };
    }

    /** Whether a (window, group) with this end is visible to a subscriber once the watermark is {@code w}. */
    boolean visible(long end, long w) {
      if (w == Long.MIN_VALUE) {
        return mode == Mode.ON_UPDATE || mode == Mode.CHANGES;
      }
      return switch (mode) {
        case DEFAULT, FINAL -> end <= w;
        case ON_WINDOW_CLOSE -> end + lateness <= w;
        case ON_UPDATE, CHANGES -> true;
      };
    }
  }

  private record Query(QuerySpec spec, QueryOracle oracle, ResultView view, Subscription<Row> sub) {}

  /** {@code -Dlaminar.oracle.trace=true} prints every step and every query's rows (for shrinking by hand). */
  private static final boolean TRACE = Boolean.getBoolean("laminar.oracle.trace");

  private final String label;
  private final LaminarDB db;
  private final UntypedSourceHandle source;
  private final long delay;
  private final List<Query> queries = new ArrayList<>();
  private final List<Step> history = new ArrayList<>();
  private long watermark = Long.MIN_VALUE;

  /**
   * @param sourceDdl a CREATE SOURCE for {@code sourceName} with columns (k, v, x, p, ts) and a WATERMARK
   *     clause with {@code delay} ms (or none when {@code delay} is negative)
   */
  WindowRun(String label, String sourceDdl, String sourceName, long delay, List<QuerySpec> specs) {
    this.label = label;
    this.delay = delay;
    this.db = LaminarDB.builder().deterministic(true).build();
    db.execute(sourceDdl);
    for (QuerySpec s : specs) {
      db.execute(s.sql(sourceName));
      QueryOracle oracle = s.shape.kind() == Kind.SESSION
          ? new BatchOracle.Sessions(s.shape.size(), s.effectiveLateness(), s.aggs)
          : new BatchOracle.FixedWindows(s.shape, s.effectiveLateness(), s.aggs);
      queries.add(new Query(s, oracle, new ResultView(s.viewKind(), 2), db.subscribe(s.name)));
    }
    db.start();
    this.source = db.sourceUntyped(sourceName);
  }

  void run(List<Step> steps) {
    for (Step s : steps) {
      step(s);
    }
    step(Step.watermark(FLUSH));
  }

  void step(Step step) {
    history.add(step);
    long before = watermark;
    if (step.isPush()) {
      source.pushRows(step.batch().stream().map(e -> e.sourceRow(false)).toList());
      if (delay >= 0) {
        long max = step.batch().stream().mapToLong(Event::ts).max().orElseThrow();
        watermark = Math.max(watermark, max - delay);
      }
    } else {
      source.watermark(step.watermark());
      watermark = Math.max(watermark, step.watermark());
    }
    db.awaitIdle();
    int index = history.size();
    long after = watermark;
    Object ctx = lazy(() -> label + ", step " + index + " (" + abbreviate(step.toString()) + "), watermark "
        + before + " -> " + after);
    assertThat(source.currentWatermark()).as("%s: source watermark", ctx).isEqualTo(watermark);
    PipelineMetrics metrics = db.metrics();
    for (Query q : queries) {
      Object qctx = lazy(() -> ctx + ", query " + q.spec.name);
      try {
        check(q, step, before, metrics, qctx);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n  query: " + q.spec.sql("t") + "\n  input so far: "
            + abbreviate(history.toString()), e);
      }
    }
  }

  private void check(Query q, Step step, long before, PipelineMetrics metrics, Object ctx) {
    q.oracle.step(step.isPush() ? step.batch() : List.of(), before);
    List<Row> rows = q.sub.poll();
    if (TRACE) {
      System.out.printf("TRACE %s step %d %s W %d -> %d%n  %s%n", q.spec.name, history.size(), step, before,
          watermark, rows);
    }
    checkStepRows(q, rows, before, ctx);
    q.view.apply(rows, ctx);
    long w = watermark;
    Map<List<Object>, Object[]> expected = new LinkedHashMap<>();
    q.oracle.rows().forEach((k, r) -> {
      if (q.spec.visible((Long) r[2], w)) {
        expected.put(k, r);
      }
    });
    ResultView.assertSameRows(expected, q.view.rows(), ctx);
    long late = metrics.streams().get(q.spec.name).lateEvents();
    assertThat(late).as("%s: lateEvents", ctx).isEqualTo(q.oracle.late());
  }

  /** Late rows over all queries, per the oracle. */
  long lateRows() {
    return queries.stream().mapToLong(q -> q.oracle.late()).sum();
  }

  /** Per-step rules that the reconstructed view cannot see. */
  private void checkStepRows(Query q, List<Row> rows, long before, Object ctx) {
    boolean fixed = q.spec.shape.kind() != Kind.SESSION;
    if (fixed && q.view.kind() == ResultView.Kind.ONCE) {
      // Fired windows emit in order of window start (spec §5.2).
      for (int i = 1; i < rows.size(); i++) {
        if (rows.get(i).getLong(1) < rows.get(i - 1).getLong(1)) {
          fail("%s: windows emitted out of start order: %s", ctx, rows);
        }
      }
    }
    if (fixed && q.spec.mode == Mode.ON_UPDATE) {
      // Exactly the (window, group) pairs changed by the step (every accepted row changes COUNT(*)).
      Set<List<Object>> emitted = new HashSet<>();
      rows.forEach(r -> emitted.add(q.view.keyOf(r)));
      assertThat(emitted).as("%s: ON UPDATE rows of the step", ctx).isEqualTo(q.oracle.touched());
      assertThat(rows).as("%s: one row per changed group", ctx).hasSize(emitted.size());
    }
    if (q.spec.mode == Mode.DEFAULT && q.spec.lateness > 0) {
      // A row appears only when its window fires, or as an update of a fired window in its grace period.
      for (Row r : rows) {
        long end = r.getLong(2);
        boolean fires = end <= watermark && (before == Long.MIN_VALUE || end > before);
        boolean lateUpdate = end <= before && q.oracle.touched().contains(q.view.keyOf(r));
        if (!fires && !lateUpdate) {
          fail("%s: unexpected row %s (watermark %d -> %d)", ctx, r, before, watermark);
        }
      }
    }
  }

  /** A message argument rendered only when an assertion fails. */
  static Object lazy(Supplier<String> text) {
    return new Object() {
      @Override
      public String toString() {
        return text.get();
      }
    };
  }

  static String abbreviate(String text) {
    return text.length() <= 6000 ? text : text.substring(0, 3000) + " ... " + text.substring(text.length() - 3000);
  }

  @Override
  public void close() {
    db.close();
  }
}
