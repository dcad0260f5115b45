package io.laminardb.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.window.BatchOracle.Event;
import io.laminardb.window.BatchOracle.Kind;
import io.laminardb.window.BatchOracle.Shape;
import io.laminardb.window.EventGen.Step;
import io.laminardb.window.WindowRun.Mode;
import io.laminardb.window.WindowRun.QuerySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: with disorder larger than the watermark delay (and manual watermark jumps), rows whose windows
 * are purged are dropped and every query's output equals the oracle over exactly the accepted rows. The
 * oracle judges each row against the watermark in force before its step (spec §4.2, §7): a TUMBLE row is
 * late when its window's {@code end + L <= W}; a HOP row joins its unpurged instances and is late only when
 * all are purged; a SESSION row is late when {@code t + gap + L <= W}, and purged sessions are never
 * reopened (§5.3). {@code lateEvents} in the metrics must equal the oracle's count after every step.
 */
class LateDataOracleTest {
  static final long DELAY = 2_000;
  static final long LATENESS = 5_000;
  static final int SEEDS = Integer.getInteger("laminar.oracle.seeds", 5);
  static final long BASE_SEED = Long.getLong("laminar.oracle.seed", 0x1A7E_0001L);

  /** Generated runs and their late rows: the generator must produce some. */
  private static final AtomicLong RUNS = new AtomicLong();
  private static final AtomicLong LATE = new AtomicLong();

  @AfterAll
  static void generatorProducedLateRows() {
    if (RUNS.get() >= 5) {
      assertThat(LATE.get()).as("late rows over %d generated runs", RUNS.get()).isPositive();
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Shape shape : List.of(Shape.tumble(10, 0), Shape.hop(5, 15), Shape.session(3))) {
      for (int i = 0; i < SEEDS; i++) {
        out.add(Arguments.of(shape, BASE_SEED + i * 15_485_863L + shape.toString().hashCode()));
      }
    }
    return out.stream();
  }

  static List<QuerySpec> modes(Shape shape) {
    List<QuerySpec> q = new ArrayList<>();
    q.add(new QuerySpec("q_default", shape, Mode.DEFAULT, 0, BatchOracle.ALL_AGGS));
    if (shape.kind() != Kind.SESSION) {
      // Sessions: see lateSessionsOnWindowCloseWithLateness.
      q.add(new QuerySpec("q_close_l", shape, Mode.ON_WINDOW_CLOSE, LATENESS, BatchOracle.ALL_AGGS));
    }
    q.add(new QuerySpec("q_final_l", shape, Mode.FINAL, LATENESS, BatchOracle.ALL_AGGS));
    q.add(new QuerySpec("q_changes_l", shape, Mode.CHANGES, LATENESS, BatchOracle.ALL_AGGS));
    if (shape.kind() != Kind.SESSION) {
      // Upsert views keyed by (k, start) cannot follow session merges; sessions use the modes above.
      q.add(new QuerySpec("q_default_l", shape, Mode.DEFAULT, LATENESS, BatchOracle.ALL_AGGS));
      q.add(new QuerySpec("q_update_l", shape, Mode.ON_UPDATE, LATENESS, BatchOracle.ALL_AGGS));
    } else {
      q.add(new QuerySpec("q_changes", shape, Mode.CHANGES, 0, BatchOracle.ALL_AGGS));
    }
    return q;
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("cases")
  void lateRowsAreDroppedAndCountedExactly(Shape shape, long seed) {
    run(shape, seed, modes(shape));
  }

  /** Sessions under ON WINDOW CLOSE with lateness: one row per session at end + L (spec §24.2). */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("sessionSeeds")
  void lateSessionsOnWindowCloseWithLateness(long seed) {
    Shape shape = Shape.session(3);
    run(shape, seed, List.of(new QuerySpec("q_close_l", shape, Mode.ON_WINDOW_CLOSE, LATENESS,
        BatchOracle.ALL_AGGS)));
  }

  /**
   * Minimal case found by the property: a window that had no rows when it fired is opened by a row in its
   * grace period; the default mode emits that row at once (correct) and must not emit it again when the
   * watermark later moves (spec §6.1: at purge "nothing").
   */
  @Test
  void rowOpeningAnAlreadyFiredWindowInItsGracePeriodIsEmittedOnce() {
    Shape shape = Shape.tumble(10, 0);
    try (WindowRun run = new WindowRun("minimal", WindowOracleTest.SOURCE, "t", DELAY, modes(shape))) {
      run.run(List.of(Step.watermark(12_000), Step.push(List.of(new Event(0, "a", 1, 2L, 0.5, 5_000, 1))),
          Step.watermark(13_000)));
    }
  }

  static LongStream sessionSeeds() {
    long shapeSalt = Shape.session(3).toString().hashCode();
    return LongStream.range(0, SEEDS).map(i -> BASE_SEED + i * 15_485_863L + shapeSalt);
  }

  private static void run(Shape shape, long seed, List<QuerySpec> queries) {
    SplittableRandom rnd = new SplittableRandom(seed);
    // Occasional long jumps leave windows empty, so rows arriving in their grace period open them late.
    long[] increments = {0, 0, 1, 250, 500, 1000, 2000, 3000, rnd.nextLong(1, 8_000), 12_000, 21_000};
    long base = EventGen.base(rnd);
    List<Event> nominal = EventGen.nominal(rnd, 80 + rnd.nextInt(300), 1 + rnd.nextInt(4), base, increments);
    int lateShare = 1 + rnd.nextInt(4);
    List<Event> arrivals = EventGen.arrive(nominal, e -> switch (rnd.nextInt(10) < lateShare ? rnd.nextInt(2)
        : 2) {
      case 0 -> rnd.nextLong(0, 30_000); // anything up to far behind the watermark
      case 1 -> rnd.nextLong(DELAY, DELAY + 15_000); // mostly in or just past the grace period
      default -> rnd.nextLong(0, DELAY); // on time
    });
    List<Step> steps = EventGen.steps(rnd, arrivals, false, 15_000);
    try (WindowRun run = new WindowRun("seed=" + seed + " " + shape, WindowOracleTest.SOURCE, "t", DELAY,
        queries)) {
      run.run(steps);
      RUNS.incrementAndGet();
      LATE.addAndGet(run.lateRows());
    }
  }
}
