package io.laminardb.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.IngestAllocation;
import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.time.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Allocation regression guard for the analytic operators' hot path: LAG + LEAD + a ROWS frame + a running
 * aggregate, and a per-partition top-N, fed by 1,024-row pushes, over 100 partitions in steady state. The
 * analytic result is filtered so almost no output rows remain (output rows allocate by design); what is
 * measured is per-event work: sorting a batch by time, partition lookup, ring writes, frame evaluation and
 * rank insertion. Allocation is counted, not timed.
 */
class OverAllocationTest {
  private static final int SYMBOLS = 100;
  private static final int BATCH = 1024;
  private static final int WARM_UP_BATCHES = 300;
  private static final int MEASURED_BATCHES = 300;
  private static final double MAX_BYTES_PER_EVENT = 4.0;

  @Test
  void analyticAndTopNIngestAllocatesAlmostNothingPerEvent() throws Exception {
    List<List<Object[]>> batches =
        IngestAllocation.trades(11, WARM_UP_BATCHES + MEASURED_BATCHES, BATCH, SYMBOLS, 1_000_000, 50);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute("CREATE SOURCE trades (sym VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL,"
          + " ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);"
          + "CREATE STREAM moves AS SELECT sym, d FROM (SELECT sym,"
          + " price - LAG(price, 2, price) OVER (PARTITION BY sym ORDER BY ts) AS d,"
          + " LEAD(volume) OVER (PARTITION BY sym ORDER BY ts) AS nxt,"
          + " SUM(volume) OVER (PARTITION BY sym ORDER BY ts ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v10,"
          + " MAX(price) OVER (PARTITION BY sym ORDER BY ts) AS high FROM trades) t"
          + " WHERE d > 1000 AND v10 > 0 AND nxt > 0 AND high > 0;"
          + "CREATE STREAM biggest AS SELECT * FROM (SELECT sym, volume, ROW_NUMBER() OVER (PARTITION BY sym"
          + " ORDER BY volume DESC) AS rn FROM trades) t WHERE rn <= 3");
      Subscription<Row> moves = db.subscribe("moves");
      Subscription<Row> biggest = db.subscribe("biggest");
      db.start();
      UntypedSourceHandle trades = db.sourceUntyped("trades");
      for (int i = 0; i < WARM_UP_BATCHES; i++) {
        trades.pushRows(batches.get(i));
      }
      db.awaitIdle();
      moves.poll();
      biggest.poll();

      long allocated = IngestAllocation.pushAndMeasure(db, trades, batches, WARM_UP_BATCHES);

      double perEvent = (double) allocated / (MEASURED_BATCHES * (long) BATCH);
      assertThat(moves.poll()).as("the filter leaves no analytic rows").isEmpty();
      assertThat(db.metrics().streams().get("moves").stateBytes()).isPositive();
      assertThat(perEvent).as("bytes allocated per event (%d bytes in all)", allocated)
          .isLessThan(MAX_BYTES_PER_EVENT);
    }
  }
}
