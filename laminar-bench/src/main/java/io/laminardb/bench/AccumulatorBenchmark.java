package io.laminardb.bench;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.aggregate.Accumulator;
import io.laminardb.core.operator.aggregate.AccumulatorSpec;
import io.laminardb.core.operator.aggregate.AggregateKind;
import io.laminardb.core.operator.aggregate.Accumulators;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Accumulator update: {@code Accumulator.add} of one 1,024-row batch whose rows go to slots uniform over 1,000
 * groups (no weights, no FILTER), the call the aggregate operators make per batch and aggregate. Score: ns per
 * row. {@code FIRST_VALUE} orders by the batch's event-time column.
 *
 * <p>Target: under 100 ns per row (LaminarDB F004 target; it measured under 1 ns for count/sum/min/max,
 * laminardb-perf.md §4) and 0 B per row. Run: {@code java -jar laminar-bench/target/benchmarks.jar Accumulator
 * -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AccumulatorBenchmark {
  private static final int GROUPS = 1_000;

  @Param({"COUNT_STAR", "COUNT", "SUM", "MIN", "MAX", "AVG", "FIRST_VALUE"})
  public String kind;

  @Param({"BIGINT", "DOUBLE"})
  public String type;

  private Accumulator accumulator;
  private Batch batch;
  private final int[] slots = new int[WindowBatches.ROWS];

  @Setup
  public void setUp() {
    AggregateKind aggregate = AggregateKind.valueOf(kind);
    DataType argumentType = WindowBatches.type(type);
    batch = WindowBatches.batch(WindowBatches.schema(DataType.of(TypeKind.BIGINT), argumentType), GROUPS,
        BidGenerator.START_TIME_MS, 42);
    boolean isStar = aggregate == AggregateKind.COUNT_STAR;
    boolean isOrdered = aggregate == AggregateKind.FIRST_VALUE || aggregate == AggregateKind.LAST_VALUE;
    accumulator = Accumulators.create(new AccumulatorSpec(aggregate, isStar ? -1 : WindowBatches.VALUE,
        isStar ? null : argumentType, isOrdered ? WindowBatches.TS : -1,
        Accumulators.resultType(aggregate, argumentType), -1));
    accumulator.ensureCapacity(GROUPS);
    SplittableRandom random = new SplittableRandom(7);
    for (int r = 0; r < slots.length; r++) {
      slots[r] = random.nextInt(GROUPS);
    }
    for (int slot = 0; slot < GROUPS; slot++) {
      accumulator.clear(slot);
    }
  }

  @Benchmark
  @OperationsPerInvocation(WindowBatches.ROWS)
  public void add() {
    accumulator.add(batch, slots, WindowBatches.ROWS, null, null);
  }

  @TearDown
  public void check() {
    if (accumulator.sizeBytes(GROUPS) <= 0) {
      throw new IllegalStateException("accumulator holds no state");
    }
  }
}
