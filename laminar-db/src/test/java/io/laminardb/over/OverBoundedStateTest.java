package io.laminardb.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Long runs with a fixed set of partitions: LAG/LEAD/frame state is a ring of the largest offset per
 * partition and top-N state is N rows per partition (spec §11.1, §11.2), so the reported state size stops
 * growing once every partition has filled its ring, however many rows flow through.
 */
class OverBoundedStateTest {
  static final int PARTITIONS = 200;
  static final int STEPS = 300;

  @Test
  void analyticAndTopNStateStaysBounded() {
    SplittableRandom rnd = new SplittableRandom(0xB0B1L);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE t (k VARCHAR NOT NULL, v BIGINT NOT NULL, ts BIGINT NOT NULL,"
          + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE STREAM lagged AS SELECT k, v, LAG(v, 3) OVER (PARTITION BY k ORDER BY ts) AS l3,"
          + " LEAD(v) OVER (PARTITION BY k ORDER BY ts) AS n1,"
          + " SUM(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS s5 FROM t");
      db.execute("CREATE STREAM best AS SELECT * FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k"
          + " ORDER BY v DESC) AS rn FROM t) x WHERE rn <= 3");
      Subscription<Row> lagged = db.subscribe("lagged");
      Subscription<Row> best = db.subscribe("best");
      db.start();
      UntypedSourceHandle source = db.sourceUntyped("t");
      long time = 0;
      long lagRows = 0;
      long laggedWarm = 0;
      long bestWarm = 0;
      for (int s = 0; s < STEPS; s++) {
        List<Object[]> batch = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
          batch.add(new Object[] {"k" + p, (long) rnd.nextInt(1_000_000), time + rnd.nextInt(50)});
        }
        time += 100;
        source.pushRows(batch);
        db.awaitIdle();
        lagRows += lagged.poll().size();
        best.poll();
        long laggedBytes = db.metrics().streams().get("lagged").stateBytes();
        long bestBytes = db.metrics().streams().get("best").stateBytes();
        if (s == 10) {
          laggedWarm = laggedBytes;
          bestWarm = bestBytes;
        }
        if (s > 10) {
          assertThat(laggedBytes).as("analytic state after step %d", s).isPositive().isEqualTo(laggedWarm);
          assertThat(bestBytes).as("top-N state after step %d", s).isPositive().isEqualTo(bestWarm);
        }
      }
      // LEAD holds each partition's newest row (its watermark is ~1 s behind); all others were emitted once.
      assertThat(lagRows).isEqualTo((long) (STEPS - 1) * PARTITIONS);
      source.watermark(Long.MAX_VALUE - 1);
      db.awaitIdle();
      assertThat(lagRows + lagged.poll().size()).isEqualTo((long) STEPS * PARTITIONS);
    }
  }
}
