package io.laminardb.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.PipelineMetrics;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Long-running tumbling aggregate: 200 one-second windows of data for 100 keys, pushed one window per
 * batch while the watermark advances. Every window must be emitted exactly once, complete and exact, in the
 * step in which the watermark passes its end (spec §5.2), and rows for purged windows must be dropped and
 * counted (§7) — the observable evidence that closed windows' state is released.
 *
 * <p>The public API exposes no state size: {@code PipelineMetrics.StreamMetrics} has no count of open
 * windows or groups, {@code EXPLAIN} renders only the static plan, and heap measurements are not
 * deterministic. The engine already counts them internally ({@code WindowAggregateOperator.openWindows()}
 * and {@code openGroups()}); surfacing those in {@code StreamMetrics} would let this test assert
 * {@code openWindows <= 2} and {@code openGroups <= 200} after every step.
 */
class BoundedStateTest {
  static final int WINDOWS = 200;
  static final int KEYS = 100;
  static final int ROWS_PER_KEY = 3;
  static final long SIZE = 1_000;

  @Test
  void closedWindowsAreEmittedOnceAndPurged() {
    Random rnd = new Random(0xB0B0L);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,"
          + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE STREAM q AS SELECT k, CAST(tumble(ts, INTERVAL '1' SECOND) AS BIGINT) AS ws,"
          + " COUNT(*) AS n, SUM(v) AS s FROM t GROUP BY k, tumble(ts, INTERVAL '1' SECOND)");
      Subscription<Row> out = db.subscribe("q");
      db.start();
      UntypedSourceHandle src = db.sourceUntyped("t");
      long lateSent = 0;
      long stateAfterWarmUp = 0;
      long emittedWindows = 0;
      long watermark = Long.MIN_VALUE;
      Map<Long, Long> sums = new HashMap<>();
      for (int w = 0; w < WINDOWS; w++) {
        List<Object[]> batch = new ArrayList<>();
        long sum = 0;
        for (int k = 0; k < KEYS; k++) {
          for (int r = 0; r < ROWS_PER_KEY; r++) {
            long v = w * 7L + k + r;
            sum += v;
            batch.add(new Object[] {"k" + k, v, w * SIZE + rnd.nextInt((int) SIZE)});
          }
        }
        sums.put((long) w, sum);
        if (w >= 5 && w % 10 == 0) {
          // Rows for a window purged long ago: all late.
          for (int i = 0; i < 5; i++) {
            batch.add(new Object[] {"k" + i, 1_000_000L, (w - 5) * SIZE + i});
          }
          lateSent += 5;
        }
        Collections.shuffle(batch, rnd);
        src.pushRows(batch);
        db.awaitIdle();
        long max = batch.stream().mapToLong(r -> (Long) r[2]).max().orElseThrow();
        long before = watermark;
        watermark = Math.max(watermark, max - SIZE);
        emittedWindows += checkFired(out.poll(), before, watermark, sums, "window " + w);
        PipelineMetrics.StreamMetrics m = db.metrics().streams().get("q");
        assertThat(m.lateEvents()).as("late rows after window %d", w).isEqualTo(lateSent);
        if (w == 20) {
          stateAfterWarmUp = m.stateBytes();
        }
        if (w > 20) {
          // Closed windows release their groups: state never grows beyond a couple of open windows' worth.
          assertThat(m.stateBytes()).as("state after window %d", w).isPositive()
              .isLessThanOrEqualTo(2 * stateAfterWarmUp);
        }
      }
      src.watermark(WINDOWS * SIZE);
      db.awaitIdle();
      assertThat(db.metrics().streams().get("q").stateBytes()).as("state once every window closed").isZero();
      emittedWindows += checkFired(out.poll(), watermark, WINDOWS * SIZE, sums, "final watermark");
      assertThat(emittedWindows).isEqualTo(WINDOWS);
      PipelineMetrics.StreamMetrics m = db.metrics().streams().get("q");
      assertThat(m.totalEvents()).isEqualTo((long) WINDOWS * KEYS);
      assertThat(m.lateEvents()).isEqualTo(lateSent);
    }
  }

  /** Checks that exactly the windows with end in (before, after] were emitted, complete; returns their count. */
  private static long checkFired(List<Row> rows, long before, long after, Map<Long, Long> sums, String at) {
    Map<Long, List<Row>> byWindow = new HashMap<>();
    for (Row r : rows) {
      byWindow.computeIfAbsent(r.getLong(1), x -> new ArrayList<>()).add(r);
    }
    List<Long> expected = new ArrayList<>();
    for (long w = 0; w < WINDOWS; w++) {
      long end = (w + 1) * SIZE;
      if (end <= after && (before == Long.MIN_VALUE || end > before)) {
        expected.add(w * SIZE);
      }
    }
    assertThat(byWindow.keySet()).as("%s: windows fired", at).containsExactlyInAnyOrderElementsOf(expected);
    for (long ws : expected) {
      List<Row> group = byWindow.get(ws);
      assertThat(group).as("%s: rows of window %d", at, ws).hasSize(KEYS);
      assertThat(group.stream().map(r -> r.getString(0)).distinct().count()).isEqualTo(KEYS);
      assertThat(group).allSatisfy(r -> assertThat(r.getLong(2)).isEqualTo(ROWS_PER_KEY));
      assertThat(group.stream().mapToLong(r -> r.getLong(3)).sum()).as("%s: SUM over window %d", at, ws)
          .isEqualTo(sums.get(ws / SIZE));
    }
    return expected.size();
  }
}
