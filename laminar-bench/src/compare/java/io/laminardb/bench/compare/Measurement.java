package io.laminardb.bench.compare;

import io.laminardb.bench.BenchQuery;
import java.util.Arrays;
import java.util.List;

/**
 * The measured runs of one engine on one query: each run's rate and allocation, whether every run (warm-ups
 * included) matched the reference, and why there are no runs when the engine cannot run the query or failed.
 */
public record Measurement(String engine, BenchQuery query, List<EngineRun> runs, String problem,
    String unsupported) {

  public boolean isCorrect() {
    return problem == null && unsupported == null && !runs.isEmpty();
  }

  /** Median events/s of the runs; NaN when the result is missing or wrong. */
  public double medianEventsPerSecond() {
    return isCorrect() ? median(runs.stream().mapToDouble(EngineRun::eventsPerSecond).toArray()) : Double.NaN;
  }

  public double medianBytesPerEvent() {
    return isCorrect() ? median(runs.stream().mapToDouble(EngineRun::bytesPerEvent).toArray()) : Double.NaN;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
