package io.laminardb.bench;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.UntypedSourceHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Stateless pipelines through the public API: one invocation pushes 1,024 pre-built NEXMark bids into
 * {@code bids} and waits until the step is processed, so the score is rows per second through a full step
 * (ingest, query, subscription hand-off). A callback subscription consumes the output.
 *
 * <ul>
 *   <li>{@code batch}: one {@code pushRows} of 1,024 rows per invocation.
 *   <li>{@code perRow}: 1,024 single-row {@code push} calls, then one wait.
 * </ul>
 *
 * <p>Target: at least 500 K rows/s for Q0-Q2 with 1,024-row batches on one compute thread, LaminarDB's stated
 * per-core throughput target (laminardb-perf.md §1; its own component benchmarks measured 1.1-1.46 M/s, its
 * application-level pipelines 2-25 K/s, §7). Run: {@code java -jar laminar-bench/target/benchmarks.jar Stateless}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class StatelessPipelineBenchmark {
  private static final int BATCH = 1024;
  private static final int POOL = 64;

  @Param({"q0", "q1", "q2"})
  public String query;

  private LaminarDB db;
  private UntypedSourceHandle bids;
  private AutoCloseable subscription;
  private final LongAdder delivered = new LongAdder();
  private List<List<Object[]>> batches;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    batches = BidGenerator.batches(42, BATCH * POOL, BATCH);
    db = LaminarDB.open();
    db.execute(BidGenerator.createSourceSql(PipelineRun.SOURCE, ""));
    db.execute(BenchQuery.parse(query).createStreamSql(PipelineRun.STREAM, false));
    subscription = db.subscribe(PipelineRun.STREAM, Row.class, rows -> delivered.add(rows.size()));
    db.start();
    bids = db.sourceUntyped(PipelineRun.SOURCE);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    subscription.close();
    db.close();
    if (delivered.sum() == 0) {
      throw new IllegalStateException("no rows were delivered to the subscriber");
    }
  }

  private List<Object[]> nextBatch() {
    List<Object[]> batch = batches.get(next);
    next = (next + 1) % POOL;
    return batch;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int batch() {
    int accepted = bids.pushRows(nextBatch());
    db.awaitIdle();
    return accepted;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int perRow() {
    int accepted = 0;
    for (Object[] row : nextBatch()) {
      if (bids.push(row)) {
        accepted++;
      }
    }
    db.awaitIdle();
    return accepted;
  }
}
