package io.laminardb.bench;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.operator.aggregate.AccumulatorSpec;
import io.laminardb.core.operator.aggregate.AggregateKind;
import io.laminardb.core.operator.aggregate.AggregateLayout;
import io.laminardb.core.operator.aggregate.AggregateSpec;
import io.laminardb.core.operator.aggregate.Accumulators;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.window.WindowAggregateOperator;
import io.laminardb.core.operator.window.WindowSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.List;
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
 * A window aggregate operator driven directly, one step per invocation: {@code onBatch} of 1,024 trades
 * ({@code symbol VARCHAR} over 1,000 symbols, {@code price DOUBLE}, {@code ts} 1 ms apart with up to 20 ms of
 * disorder), {@code onWatermark(max ts - 1 s)}, {@code onStepEnd()}, with a no-op {@link Output}. The operator
 * computes {@code COUNT(*), SUM(price), MAX(price), FIRST_VALUE(price), LAST_VALUE(price)} per symbol and
 * window with {@code EMIT ON WATERMARK}, so every step assigns, looks up or creates groups, updates five
 * accumulators, and fires and purges the windows the watermark passed. The batch's event times are moved
 * forward 1,024 ms per invocation in place (1,024 long additions, part of the score). Score: ns per event.
 *
 * <ul>
 *   <li>{@code TUMBLE_1S}: a window (about 630 groups) fires every step.
 *   <li>{@code TUMBLE_60S}: the VWAP shape; a window (1,000 groups) fires every 59th step.
 *   <li>{@code HOP_10S_2S}: five windows per event; a window (1,000 groups) fires every other step.
 * </ul>
 *
 * <p>Target: under 1 µs per event and ~0 B per event in the steady state (LaminarDB's count/sum window hot path
 * measured ~380 ns per event, laminardb-perf.md §3). Run:
 * {@code java -jar laminar-bench/target/benchmarks.jar WindowFiring -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class WindowFiringBenchmark {
  private static final int SYMBOLS = 1_000;
  private static final long WATERMARK_DELAY_MS = 1_000;

  @Param({"TUMBLE_1S", "TUMBLE_60S", "HOP_10S_2S"})
  public String window;

  private WindowAggregateOperator operator;
  private Batch batch;
  private long[] times;
  private final CountingOutput output = new CountingOutput();

  /** Counts emitted rows; keeps nothing. */
  static final class CountingOutput implements Output {
    long rows;
    long watermark = Long.MIN_VALUE;

    @Override
    public void emit(Batch emitted) {
      rows += emitted.rowCount();
    }

    @Override
    public void emitWatermark(long newWatermark) {
      watermark = newWatermark;
    }
  }

  /** Processing time 0, no side outputs used. */
  static final class FixedContext implements OperatorContext {
    private final Output side;

    FixedContext(Output side) {
      this.side = side;
    }

    @Override
    public long processingTimeMillis() {
      return 0;
    }

    @Override
    public String queryName() {
      return "bench";
    }

    @Override
    public Output sideOutput(String name) {
      return side;
    }
  }

  @Setup
  public void setUp() {
    WindowSpec spec = switch (window) {
      case "TUMBLE_1S" -> WindowSpec.tumble(1_000, 0);
      case "TUMBLE_60S" -> WindowSpec.tumble(60_000, 0);
      case "HOP_10S_2S" -> WindowSpec.hop(2_000, 10_000, 0);
      default -> throw new IllegalArgumentException(window);
    };
    DataType price = DataType.of(TypeKind.DOUBLE).withNullable(false);
    Schema input = WindowBatches.schema(DataType.of(TypeKind.VARCHAR).withNullable(false), price);
    operator = new WindowAggregateOperator(aggregateSpec(input, price), spec, WindowBatches.TS, 0);
    operator.open(new FixedContext(output), output);
    batch = WindowBatches.batch(input, SYMBOLS, BidGenerator.START_TIME_MS, 42);
    times = batch.longColumn(WindowBatches.TS).values;
  }

  static AggregateSpec aggregateSpec(Schema input, DataType price) {
    DataType count = DataType.of(TypeKind.BIGINT).withNullable(false);
    List<AccumulatorSpec> accumulators = List.of(
        new AccumulatorSpec(AggregateKind.COUNT_STAR, -1, null, -1, count, -1),
        accumulator(AggregateKind.SUM, price), accumulator(AggregateKind.MAX, price),
        accumulator(AggregateKind.FIRST_VALUE, price), accumulator(AggregateKind.LAST_VALUE, price));
    Schema output = Schema.of(new Field("symbol", input.field(WindowBatches.KEY).type()),
        new Field("ws", DataType.timestamp(3).withNullable(false)), new Field("n", count),
        new Field("s", accumulators.get(1).resultType()), new Field("mx", accumulators.get(2).resultType()),
        new Field("o", accumulators.get(3).resultType()), new Field("c", accumulators.get(4).resultType()));
    AggregateLayout layout = new AggregateLayout(new int[] {0}, 1, -1, new int[] {2, 3, 4, 5, 6}, -1);
    return new AggregateSpec(input, new int[] {WindowBatches.KEY}, accumulators, layout, output,
        EmitMode.ON_WATERMARK, -1, 0);
  }

  private static AccumulatorSpec accumulator(AggregateKind kind, DataType price) {
    boolean isOrdered = kind == AggregateKind.FIRST_VALUE || kind == AggregateKind.LAST_VALUE;
    return new AccumulatorSpec(kind, WindowBatches.VALUE, price, isOrdered ? WindowBatches.TS : -1,
        Accumulators.resultType(kind, price), -1);
  }

  /** One step: the next 1,024 events, the watermark they imply, step end. */
  @Benchmark
  @OperationsPerInvocation(WindowBatches.ROWS)
  public void step() {
    long[] t = times;
    long max = Long.MIN_VALUE;
    for (int r = 0; r < WindowBatches.ROWS; r++) {
      long v = t[r] + WindowBatches.ROWS;
      t[r] = v;
      max = Math.max(max, v);
    }
    operator.onBatch(0, batch);
    operator.onWatermark(0, max - WATERMARK_DELAY_MS);
    operator.onStepEnd();
  }

  @TearDown
  public void check() {
    if (output.rows == 0 || operator.lateRows() != 0) {
      throw new IllegalStateException("emitted " + output.rows + " rows, " + operator.lateRows() + " late");
    }
  }
}
