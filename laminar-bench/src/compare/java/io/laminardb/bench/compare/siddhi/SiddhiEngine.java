package io.laminardb.bench.compare.siddhi;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.BidGenerator;
import io.laminardb.bench.LaminarRuns;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.TradeGenerator;
import io.laminardb.bench.Workload;
import io.laminardb.bench.compare.CompareInput;
import io.laminardb.bench.compare.Engine;
import io.laminardb.bench.compare.EngineRun;
import io.laminardb.bench.compare.LatencyResult;
import io.laminardb.bench.compare.PacedSchedule;
import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.event.Event;
import io.siddhi.core.stream.input.InputHandler;
import io.siddhi.core.stream.output.StreamCallback;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Siddhi 5 in this JVM: the generator's rows sent as they are through {@code InputHandler.send(Object[])},
 * processed synchronously on the sending thread (no {@code @async}), results at a callback on {@code Out}.
 */
public final class SiddhiEngine implements Engine {
  static final String SESSION_UNSUPPORTED = "not expressed: Siddhi's session window closes sessions on the app"
      + " clock, and the table rewrite used for the other windows would have to merge two session rows when an"
      + " out-of-order bid bridges them";

  @Override
  public String name() {
    return "siddhi";
  }

  @Override
  public String unsupported(BenchQuery query) {
    return query == BenchQuery.SESSION ? SESSION_UNSUPPORTED : null;
  }

  /** A started app with a callback on {@code Out}. */
  private static final class App implements AutoCloseable {
    final SiddhiManager manager = new SiddhiManager();
    final SiddhiAppRuntime runtime;

    App(String siddhiApp, Consumer<Object[]> out) {
      runtime = manager.createSiddhiAppRuntime(siddhiApp);
      runtime.addCallback("Out", new StreamCallback() {
        @Override
        public void receive(Event[] events) {
          for (Event event : events) {
            out.accept(event.getData());
          }
        }
      });
      runtime.start();
    }

    @Override
    public void close() {
      runtime.shutdown();
      manager.shutdown();
    }
  }

  @Override
  public EngineRun run(BenchQuery query, CompareInput input) throws Exception {
    RowChecksum checksum = new RowChecksum();
    int width = query.columns().size();
    try (App app = new App(SiddhiQueries.app(query, false), row -> checksum.addValues(row, width))) {
      boolean isBids = query.workload() == Workload.BIDS;
      InputHandler events = app.runtime.getInputHandler(isBids ? "Bid" : "Trade");
      InputHandler watermarks = app.runtime.getInputHandler("Watermark");
      int tsIndex = isBids ? BidGenerator.TS : TradeGenerator.TS;
      long allocatedBefore = LaminarRuns.allocatedBytes();
      long start = System.nanoTime();
      long maxTs = Long.MIN_VALUE;
      for (List<Object[]> batch : input.batches()) {
        for (Object[] row : batch) {
          events.send(row);
          maxTs = Math.max(maxTs, (Long) row[tsIndex]);
        }
        if (query.isWindowed()) {
          watermarks.send(new Object[] {maxTs - 1_000});
        }
      }
      if (query.isWindowed()) {
        watermarks.send(new Object[] {BenchQuery.FINAL_WATERMARK_MS});
      }
      long elapsed = System.nanoTime() - start;
      long allocatedAfter = LaminarRuns.allocatedBytes();
      return new EngineRun(input.rows(), elapsed, allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore,
          checksum);
    }
  }

  @Override
  public LatencyResult latency(BenchQuery query, CompareInput input, PacedSchedule schedule) throws Exception {
    int sentIndex = query == BenchQuery.Q0 ? BidGenerator.WIDTH : 2;
    try (App app = new App(SiddhiQueries.app(query, true), row -> schedule.record((Long) row[sentIndex]))) {
      InputHandler events = app.runtime.getInputHandler("Bid");
      int i = 0;
      for (List<Object[]> batch : input.batches()) {
        for (Object[] bid : batch) {
          Object[] row = Arrays.copyOf(bid, BidGenerator.WIDTH + 1);
          row[BidGenerator.WIDTH] = schedule.awaitTurn(i++);
          events.send(row);
        }
      }
      return schedule.result();
    }
  }
}
