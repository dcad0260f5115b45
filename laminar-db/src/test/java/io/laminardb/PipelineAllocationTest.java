package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.common.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    List<List<Object[]>> batches = generate(WARM_UP_BATCHES + MEASURED_BATCHES);
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
      long compute = computeThreadId();

      long beforePusher = threads.getCurrentThreadAllocatedBytes();
      long beforeCompute = threads.getThreadAllocatedBytes(compute);
      for (int i = WARM_UP_BATCHES; i < batches.size(); i++) {
        trades.pushRows(batches.get(i));
      }
      db.awaitIdle();
      long allocated = threads.getCurrentThreadAllocatedBytes() - beforePusher
          + threads.getThreadAllocatedBytes(compute) - beforeCompute;

      double perEvent = (double) allocated / (MEASURED_BATCHES * (long) BATCH);
      assertThat(bars.poll()).as("windows closed during the measured part").isNotEmpty();
      assertThat(perEvent).as("bytes allocated per event (%d bytes in all)", allocated)
          .isLessThan(MAX_BYTES_PER_EVENT);
    }
  }

  private static long computeThreadId() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("laminar-compute")) {
        return t.threadId();
      }
    }
    throw new AssertionError("no compute thread");
  }

  /** Trades ~1 ms apart over 100 symbols, values boxed up front so the test's own loop allocates nothing. */
  private static List<List<Object[]>> generate(int count) {
    SplittableRandom random = new SplittableRandom(7);
    String[] symbols = new String[SYMBOLS];
    for (int s = 0; s < SYMBOLS; s++) {
      symbols[s] = "S" + s;
    }
    List<List<Object[]>> batches = new ArrayList<>(count);
    long ts = 0;
    for (int b = 0; b < count; b++) {
      List<Object[]> rows = new ArrayList<>(BATCH);
      for (int r = 0; r < BATCH; r++) {
        ts += 1;
        rows.add(new Object[] {symbols[random.nextInt(SYMBOLS)], 100 + random.nextDouble(),
            (long) (1 + random.nextInt(500)), ts - random.nextInt(500)});
      }
      batches.add(rows);
    }
    return batches;
  }
}
