package io.laminardb.bench.compare;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.LaminarRuns;

/**
 * LaminarDB through its public API, exactly as {@code EndToEndBench} runs it: {@code pushRows} of 1,024-row
 * batches, or one {@code push} per row when {@code batchSize} is 1.
 */
final class LaminarEngine implements Engine {
  private final int batchSize;

  LaminarEngine(int batchSize) {
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return batchSize == 1 ? "laminardb-row" : "laminardb";
  }

  @Override
  public EngineRun run(BenchQuery query, CompareInput input) {
    LaminarRuns.Throughput r = LaminarRuns.throughput(query, input.batches(), batchSize,
        input.expected(query));
    if (r.problem() != null) {
      throw new IllegalStateException(name() + " " + query.label() + ": " + r.problem());
    }
    return new EngineRun(r.rowsIn(), r.elapsedNanos(), r.allocatedBytes(), r.output());
  }

  @Override
  public LatencyResult latency(BenchQuery query, CompareInput input, PacedSchedule schedule) {
    LaminarRuns.Latency r = LaminarRuns.latency(query, input.batches(), schedule.rate());
    return new LatencyResult(r.rowsIn(), schedule.rate(), r.achievedRate(), r.resultRows(), r.histogram());
  }
}
