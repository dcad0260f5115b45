package io.laminardb.bench.compare;

import org.HdrHistogram.Histogram;

/** Push-to-output latency of one engine and query (nanoseconds), with the rate actually achieved. */
public record LatencyResult(long rowsIn, double targetRate, double achievedRate, long resultRows,
    Histogram histogram) {

  public double micros(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e3;
  }
}
