package io.laminardb.bench;

import io.laminardb.core.operator.window.WindowSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Window assignment: for each of 1,024 event times (1 ms apart, up to 20 ms of disorder), every window start
 * containing it, walking back from {@link WindowSpec#lastStart} by the slide exactly as
 * {@code WindowAggregateOperator.onBatch} does. Score: ns per event ({@code TUMBLE}: 10 s, one window per
 * event; {@code HOP}: 10 s size, 2 s slide, five windows per event).
 *
 * <p>Target: under 10 ns per event for TUMBLE (LaminarDB F004 target; its tumbling assigner measured ~4.4 ns,
 * laminardb-perf.md §2, §4). Run: {@code java -jar laminar-bench/target/benchmarks.jar WindowAssign}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class WindowAssignBenchmark {
  private static final int EVENTS = 1024;

  @Param({"TUMBLE", "HOP"})
  public String window;

  private WindowSpec spec;
  private final long[] times = new long[EVENTS];

  @Setup
  public void setUp() {
    spec = window.equals("TUMBLE") ? WindowSpec.tumble(10_000, 0) : WindowSpec.hop(2_000, 10_000, 0);
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < EVENTS; i++) {
      times[i] = BidGenerator.START_TIME_MS + i * 7L - random.nextInt(21);
    }
  }

  /** Sum of all assigned window starts (consumed by JMH, so nothing is dead code). */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long assign() {
    WindowSpec w = spec;
    long size = w.size();
    long slide = w.slide();
    long sum = 0;
    for (long t : times) {
      for (long start = w.lastStart(t); start + size > t; start -= slide) {
        sum += start;
      }
    }
    return sum;
  }
}
