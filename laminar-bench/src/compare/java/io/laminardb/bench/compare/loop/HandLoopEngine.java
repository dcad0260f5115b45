package io.laminardb.bench.compare.loop;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.LaminarRuns;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.CompareInput;
import io.laminardb.bench.compare.Engine;
import io.laminardb.bench.compare.EngineRun;
import io.laminardb.bench.compare.LatencyResult;
import io.laminardb.bench.compare.PacedSchedule;

/**
 * What the JVM can do at all: each query as a hand-written single-threaded loop over primitive column arrays,
 * streaming in arrival order with the engines' event-time rules (a watermark of max event time - 1 s after every
 * 1,024 events closes windows that end at or before it; the end of input closes the rest), state in primitive
 * arrays, results hashed straight into the checksum.
 */
public final class HandLoopEngine implements Engine {
  static final int BATCH = 1024;
  static final long WATERMARK_DELAY_MS = 1_000;

  @Override
  public String name() {
    return "loop";
  }

  @Override
  public EngineRun run(BenchQuery query, CompareInput input) {
    CompareInput.Columns c = input.columns();
    int n = input.rows();
    RowChecksum out = new RowChecksum();
    long allocatedBefore = LaminarRuns.allocatedBytes();
    long start = System.nanoTime();
    switch (query) {
      case Q0 -> StatelessLoops.q0(c, n, out);
      case Q1 -> StatelessLoops.q1(c, n, out);
      case Q2 -> StatelessLoops.q2(c, n, out);
      case Q5 -> new HopCountLoop().run(c, n, out);
      case Q7 -> new TumbleMaxLoop().run(c, n, out);
      case VWAP -> new VwapLoop(c.symbolNames.length).run(c, n, out);
      case SESSION -> new SessionLoop().run(c, n, out);
      default -> throw new IllegalArgumentException(query.label() + " is not part of the comparison");
    }
    long elapsed = System.nanoTime() - start;
    long allocatedAfter = LaminarRuns.allocatedBytes();
    return new EngineRun(n, elapsed, allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore, out);
  }

  @Override
  public LatencyResult latency(BenchQuery query, CompareInput input, PacedSchedule schedule) {
    CompareInput.Columns c = input.columns();
    for (int i = 0; i < schedule.rows(); i++) {
      long sent = schedule.awaitTurn(i);
      if (query == BenchQuery.Q0 || c.auction[i] % 123 == 0) {
        schedule.record(sent);
      }
    }
    return schedule.result();
  }
}
