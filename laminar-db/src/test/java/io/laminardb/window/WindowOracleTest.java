package io.laminardb.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.window.BatchOracle.Event;
import io.laminardb.window.BatchOracle.Shape;
import io.laminardb.window.EventGen.Step;
import io.laminardb.window.WindowRun.Mode;
import io.laminardb.window.WindowRun.QuerySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: with bounded disorder strictly below the watermark delay (so no row is ever late), every
 * TUMBLE/HOP query's output equals a batch GROUP BY (key, window) over all events, under every EMIT mode
 * (spec §5.1, §5.2, §6.1, §24.1). After each step the subscriber's view must equal the oracle restricted
 * to the windows the mode has made visible: fired windows (default, FINAL), purged windows (ON WINDOW
 * CLOSE with lateness), or every window so far (ON UPDATE, CHANGES materialization). The final flush
 * watermark makes every view equal the full batch result.
 */
class WindowOracleTest {
  static final long DELAY = 2_000;
  static final String SOURCE = "CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, x BIGINT,"
      + " p DOUBLE NOT NULL, ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)";
  static final int SEEDS = Integer.getInteger("laminar.oracle.seeds", 4);
  static final long BASE_SEED = Long.getLong("laminar.oracle.seed", 0x5EED_0001L);

  static final List<Shape> SHAPES = List.of(Shape.tumble(10, 0), Shape.tumble(3, 1), Shape.hop(5, 15),
      Shape.hop(4, 10), Shape.hop(2, 2));

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Shape shape : SHAPES) {
      for (int i = 0; i < SEEDS; i++) {
        out.add(Arguments.of(shape, BASE_SEED + i * 7919L + shape.toString().hashCode()));
      }
    }
    return out.stream();
  }

  /**
   * One query per distinct behaviour of spec §6.1 (ON WINDOW CLOSE without lateness is the default mode,
   * and CHANGES behaves alike with and without lateness when nothing is late).
   */
  static List<QuerySpec> allModes(Shape shape, long lateness) {
    List<QuerySpec> q = new ArrayList<>();
    q.add(new QuerySpec("q_default", shape, Mode.DEFAULT, 0, BatchOracle.ALL_AGGS));
    q.add(new QuerySpec("q_default_l", shape, Mode.DEFAULT, lateness, BatchOracle.ALL_AGGS));
    q.add(new QuerySpec("q_close_l", shape, Mode.ON_WINDOW_CLOSE, lateness, BatchOracle.ALL_AGGS));
    q.add(new QuerySpec("q_final_l", shape, Mode.FINAL, lateness, BatchOracle.ALL_AGGS));
    q.add(new QuerySpec("q_update", shape, Mode.ON_UPDATE, 0, BatchOracle.ALL_AGGS));
    q.add(new QuerySpec("q_changes_l", shape, Mode.CHANGES, lateness, BatchOracle.ALL_AGGS));
    return q;
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("cases")
  void windowsEqualBatchOracleWhenNothingIsLate(Shape shape, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] increments = {0, 0, 1, 250, 500, 999, 1000, 1500, 3000, rnd.nextLong(1, 12_000)};
    long base = EventGen.base(rnd);
    List<Event> nominal = EventGen.nominal(rnd, 80 + rnd.nextInt(300), 1 + rnd.nextInt(4), base, increments);
    long disorder = rnd.nextInt(4) == 0 ? 1 : DELAY; // lags in [0, disorder) < DELAY: nothing is late
    List<Event> arrivals = EventGen.arrive(nominal, e -> rnd.nextLong(0, disorder));
    List<Step> steps = EventGen.steps(rnd, arrivals, true, 0);
    String label = "seed=" + seed + " " + shape;
    try (WindowRun run = new WindowRun(label, SOURCE, "t", DELAY, allModes(shape, 3_000))) {
      run.run(steps);
      assertThat(run.lateRows()).as("the generator's disorder stays below the watermark delay").isZero();
    }
  }
}
