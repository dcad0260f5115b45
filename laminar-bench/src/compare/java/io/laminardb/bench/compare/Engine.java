package io.laminardb.bench.compare;

import io.laminardb.bench.BenchQuery;

/** A stream processor the comparison runs the benchmark queries on. */
public interface Engine {
  /** Short name for tables and JSON, e.g. {@code flink-p1}. */
  String name();

  /** Null when this engine runs {@code query}, else why it cannot express it. */
  default String unsupported(BenchQuery query) {
    return null;
  }

  /** One throughput run over all of {@code input}, every window closed at the end. */
  EngineRun run(BenchQuery query, CompareInput input) throws Exception;

  /**
   * Push-to-output latency of a stateless query ({@link BenchQuery#Q0} or {@link BenchQuery#Q2}): events
   * offered one at a time on {@code schedule}, each stamped with {@code System.nanoTime()}.
   */
  LatencyResult latency(BenchQuery query, CompareInput input, PacedSchedule schedule) throws Exception;
}
