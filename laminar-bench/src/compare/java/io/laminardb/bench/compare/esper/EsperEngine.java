package io.laminardb.bench.compare.esper;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Esper 9 (compiler + runtime in this JVM, internal timer off, one thread): the generator's object-array rows are
 * sent as they are ({@code sendEventObjectArray}), results arrive synchronously at a listener on the statement
 * named {@code out} (see {@link EsperQueries}).
 */
public final class EsperEngine implements Engine {
  static final String SESSION_UNSUPPORTED = "not expressed: EPL has no event-time session window (its windows"
      + " follow the runtime clock or arrival order), and the table rewrite used for the other windows would have to"
      + " merge two session rows when an out-of-order bid bridges them";

  private static final AtomicInteger RUNTIMES = new AtomicInteger();
  private static final EventBean[] NONE = {};

  @Override
  public String name() {
    return "esper";
  }

  @Override
  public String unsupported(BenchQuery query) {
    return query == BenchQuery.SESSION ? SESSION_UNSUPPORTED : null;
  }

  /** A deployed module and its output checksum. */
  private static final class Deployed implements AutoCloseable {
    final EPRuntime runtime;
    final EPEventService events;
    final EPStatement out;

    Deployed(String epl) throws Exception {
      Configuration config = new Configuration();
      config.getRuntime().getThreading().setInternalTimerEnabled(false);
      EPCompiled compiled = EPCompilerProvider.getCompiler().compile(epl, new CompilerArguments(config));
      runtime = EPRuntimeProvider.getRuntime("laminar-compare-" + RUNTIMES.incrementAndGet(), config);
      EPDeployment deployment = runtime.getDeploymentService().deploy(compiled);
      out = runtime.getDeploymentService().getStatement(deployment.getDeploymentId(), "out");
      events = runtime.getEventService();
    }

    @Override
    public void close() {
      runtime.destroy();
    }
  }

  @Override
  public EngineRun run(BenchQuery query, CompareInput input) throws Exception {
    try (Deployed d = new Deployed(EsperQueries.epl(query, false))) {
      RowChecksum checksum = new RowChecksum();
      int width = query.columns().size();
      d.out.addListener((newEvents, oldEvents, statement, runtime) -> {
        // an on-select that matched no row reports null
        for (EventBean event : newEvents == null ? NONE : newEvents) {
          checksum.addValues((Object[]) event.getUnderlying(), width);
        }
      });
      String type = query.workload() == Workload.BIDS ? "Bid" : "Trade";
      int tsIndex = query.workload() == Workload.BIDS ? BidGenerator.TS : TradeGenerator.TS;
      Object[] watermark = new Object[1];
      long allocatedBefore = LaminarRuns.allocatedBytes();
      long start = System.nanoTime();
      long maxTs = Long.MIN_VALUE;
      for (List<Object[]> batch : input.batches()) {
        for (Object[] row : batch) {
          d.events.sendEventObjectArray(row, type);
          maxTs = Math.max(maxTs, (Long) row[tsIndex]);
        }
        if (query.isWindowed()) {
          watermark[0] = maxTs - 1_000;
          d.events.sendEventObjectArray(watermark, "Watermark");
        }
      }
      if (query.isWindowed()) {
        watermark[0] = BenchQuery.FINAL_WATERMARK_MS;
        d.events.sendEventObjectArray(watermark, "Watermark");
      }
      long elapsed = System.nanoTime() - start;
      long allocatedAfter = LaminarRuns.allocatedBytes();
      return new EngineRun(input.rows(), elapsed, allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore,
          checksum);
    }
  }

  @Override
  public LatencyResult latency(BenchQuery query, CompareInput input, PacedSchedule schedule) throws Exception {
    try (Deployed d = new Deployed(EsperQueries.epl(query, true))) {
      int sentIndex = query == BenchQuery.Q0 ? BidGenerator.WIDTH : 2;
      d.out.addListener((newEvents, oldEvents, statement, runtime) -> {
        for (EventBean event : newEvents) {
          schedule.record((Long) ((Object[]) event.getUnderlying())[sentIndex]);
        }
      });
      int i = 0;
      for (List<Object[]> batch : input.batches()) {
        for (Object[] bid : batch) {
          Object[] row = Arrays.copyOf(bid, BidGenerator.WIDTH + 1);
          row[BidGenerator.WIDTH] = schedule.awaitTurn(i++);
          d.events.sendEventObjectArray(row, "Bid");
        }
      }
      return schedule.result();
    }
  }
}
