package io.laminardb.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The comparison's window onto the end-to-end harness, which is package-private: LaminarDB runs exactly as
 * {@code EndToEndBench} measures them, and the same allocation meter for the other engines.
 */
public final class LaminarRuns {
  private static final AllocationMeter METER = new AllocationMeter();

  /** One throughput run's figures; {@code problem} is null when the output matched the reference. */
  public record Throughput(long rowsIn, long elapsedNanos, long allocatedBytes, RowChecksum output, String problem) {}

  /** One latency run's figures (nanoseconds). */
  public record Latency(long rowsIn, double achievedRate, long resultRows, Histogram histogram) {}

  private LaminarRuns() {}

  /** Heap bytes allocated by all threads so far, or -1 when the JVM cannot tell. */
  public static long allocatedBytes() {
    return METER.allocatedBytes();
  }

  public static Throughput throughput(BenchQuery query, List<List<Object[]>> batches, int batchSize,
      RowChecksum expected) {
    PipelineRun.Result r = PipelineRun.run(query, batches, batchSize, METER);
    return new Throughput(r.rowsIn(), r.elapsedNanos(), r.allocatedBytes(), r.output(),
        EndToEndBench.verify(r, expected));
  }

  /**
   * Latency with results delivered on LaminarDB's compute thread ({@code subscribeInline}), the closest to
   * how the other engines hand results to a listener; {@code scripts/bench.sh latency} also measures the
   * delivery-thread callback.
   */
  public static Latency latency(BenchQuery query, List<List<Object[]>> batches, double rate) {
    LatencyRun.Result r = LatencyRun.run(query, LatencyRun.Delivery.INLINE, batches, rate);
    return new Latency(r.rowsIn(), r.achievedRate(), r.resultRows(), r.histogram());
  }
}
