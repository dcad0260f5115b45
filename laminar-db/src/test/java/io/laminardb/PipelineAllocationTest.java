package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.common.time.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Allocation regression guard for the whole ingest path (encode, queue hand-off, step, expression code,
 * window assignment, accumulators): a keyed tumbling aggregate fed by 1,024-row pushes must stay under a
 * few bytes per event in steady state, counting both the pushing thread and the compute thread. What is
 * left is per window and per output row, not per event. Allocation is counted, not timed.
 */
class PipelineAllocationTest {
  private static final int SYMBOLS = 100;
  private static final int BATCH = 1024;
  private static final int WARM_UP_BATCHES = 300;
  private static final int MEASURED_BATCHES = 300;
  /** Measured 0.7 B/event when written; the bound catches a per-event allocation creeping back in. */
  private static final double MAX_BYTES_PER_EVENT = 4.0;

  @Test
  void batchedIngestOfAWindowedAggregateAllocatesAlmostNothingPerEvent() throws Exception {
    List<List<Object[]>> batches =
        IngestAllocation.trades(7, WARM_UP_BATCHES + MEASURED_BATCHES, BATCH, SYMBOLS, 500, 500);
    try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(new ManualClock(0)).build()) {
      db.execute("CREATE SOURCE trades (sym VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL,"
          + " ts BIGINT NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);"
          + "CREATE STREAM bars AS SELECT sym, tumble(ts, INTERVAL '60' SECOND) AS ws, COUNT(*) AS n,"
          + " SUM(price * volume) / SUM(volume) AS vwap, MAX(price) AS high, MIN(price) AS low"
          + " FROM trades WHERE volume > 0 GROUP BY sym, tumble(ts, INTERVAL '60' SECOND)");
      Subscription<Row> bars = db.subscribe("bars");
      db.start();
      UntypedSourceHandle trades = db.sourceUntyped("trades");
      for (int i = 0; i < WARM_UP_BATCHES; i++) {
        trades.pushRows(batches.get(i));
      }
      db.awaitIdle();
      bars.poll();

      long allocated = IngestAllocation.pushAndMeasure(db, trades, batches, WARM_UP_BATCHES);

      double perEvent = (double) allocated / (MEASURED_BATCHES * (long) BATCH);
      assertThat(bars.poll()).as("windows closed during the measured part").isNotEmpty();
      assertThat(perEvent).as("bytes allocated per event (%d bytes in all)", allocated)
          .isLessThan(MAX_BYTES_PER_EVENT);
    }
  }
}
