package io.laminardb.bench;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.aggregate.GroupTable;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Schema;
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
 * Group lookup: {@code GroupTable.findOrInsert} for each row of a 1,024-row batch whose keys are uniform over
 * 1,000 groups that already exist (the steady state inside a window), with BIGINT keys or VARCHAR symbols
 * (each row its own String instance, so equality compares characters). Score: ns per row.
 *
 * <p>Target: under 40 ns per lookup and 0 B (LaminarDB's state get measured 10-40 ns, laminardb-perf.md §1, §4).
 * Run: {@code java -jar laminar-bench/target/benchmarks.jar GroupLookup -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class GroupLookupBenchmark {
  private static final int GROUPS = 1_000;
  private static final long WINDOW_START = BidGenerator.START_TIME_MS;

  @Param({"BIGINT", "VARCHAR"})
  public String keyType;

  private GroupTable table;
  private Batch batch;

  @Setup
  public void setUp() {
    Schema schema = WindowBatches.schema(WindowBatches.type(keyType), WindowBatches.type("BIGINT"));
    table = new GroupTable(schema, new int[] {WindowBatches.KEY});
    Batch all = WindowBatches.allKeys(schema, GROUPS);
    for (int r = 0; r < GROUPS; r++) {
      table.findOrInsert(all, r, WINDOW_START);
    }
    batch = WindowBatches.batch(schema, GROUPS, BidGenerator.START_TIME_MS, 42);
  }

  /** Sum of the slots found (consumed by JMH). */
  @Benchmark
  @OperationsPerInvocation(WindowBatches.ROWS)
  public long findOrInsert() {
    long sum = 0;
    for (int r = 0; r < WindowBatches.ROWS; r++) {
      sum += table.findOrInsert(batch, r, WINDOW_START);
    }
    return sum;
  }

  @TearDown
  public void check() {
    if (table.size() != GROUPS) {
      throw new IllegalStateException("expected " + GROUPS + " groups, found " + table.size());
    }
  }
}
