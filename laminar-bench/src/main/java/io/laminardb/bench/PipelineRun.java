package io.laminardb.bench;

import io.laminardb.ColumnInfo;
import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.time.Duration;
import java.util.List;

/**
 * One throughput run: a fresh database with the query's source and the query, pre-built batches pushed as
 * fast as the engine takes them (whole batches, or row by row when {@code batchSize} is 1), results drained by a
 * consumer thread that checksums them. Windowed queries get {@link BenchQuery#FINAL_WATERMARK_MS} after the last
 * row, so every window closes. Timed from the first push until every result row has been consumed.
 */
final class PipelineRun {
  static final String SOURCE = Workload.BIDS.sourceName();
  static final String STREAM = "q";
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  /** What one run measured and produced. */
  record Result(BenchQuery query, int batchSize, long rowsIn, long elapsedNanos, long allocatedBytes,
      RowChecksum output, long dropped, List<String> columns) {

    double eventsPerSecond() {
      return rowsIn / (elapsedNanos / 1e9);
    }

    /** Heap bytes allocated per input event, all threads; NaN when not measurable. */
    double bytesPerEvent() {
      return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / rowsIn;
    }
  }

  private PipelineRun() {}

  static Result run(BenchQuery query, List<List<Object[]>> batches, int batchSize, AllocationMeter meter) {
    return run(query, batches, batchSize, meter, false);
  }

  /**
   * @param columnar results are read through {@code subscribeBatches} on the compute thread and hashed
   *     column by column (no result {@code Row}s), instead of polled as rows by a consumer thread
   */
  static Result run(BenchQuery query, List<List<Object[]>> batches, int batchSize, AllocationMeter meter,
      boolean columnar) {
    long rowsIn = batches.stream().mapToLong(List::size).sum();
    try (LaminarDB db = LaminarDB.builder().subscriptionBuffer(1 << 22).build()) {
      for (String ddl : query.workload().createSourceSqls()) {
        db.execute(ddl);
      }
      db.execute(query.createStreamSql(STREAM, false));
      Subscription<Row> subscription = db.subscribe(STREAM);
      List<String> columns = subscription.columns().stream().map(ColumnInfo::name).toList();
      db.start();
      List<String> sourceNames = query.workload().sourceNames();
      UntypedSourceHandle[] sources = new UntypedSourceHandle[sourceNames.size()];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = db.sourceUntyped(sourceNames.get(i));
      }
      boolean isChangelog = query.columns().getLast().equals("__weight");
      int width = query.columns().size() - (isChangelog ? 1 : 0);
      ResultDrain drain = ResultDrain.of("bench-drain", subscription, width, isChangelog);
      ColumnarHasher hasher = null;
      if (columnar) {
        subscription.close();
        hasher = new ColumnarHasher(width, isChangelog);
        db.subscribeBatches(STREAM, hasher);
      } else {
        drain.start();
      }

      long allocatedBefore = meter.allocatedBytes();
      long start = System.nanoTime();
      if (batchSize == 1) {
        pushRowByRow(query.workload(), sources, batches);
      } else {
        pushBatches(query.workload(), sources, batches);
      }
      if (query.isWindowed()) {
        for (UntypedSourceHandle source : sources) {
          source.watermark(BenchQuery.FINAL_WATERMARK_MS);
        }
      }
      db.awaitIdle(IDLE_TIMEOUT);
      if (!columnar) {
        drain.finish();
      }
      long elapsed = System.nanoTime() - start;
      long allocatedAfter = meter.allocatedBytes();

      long allocated = allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore;
      long dropped = subscription.dropped();
      subscription.close();
      return new Result(query, batchSize, rowsIn, elapsed, allocated,
          columnar ? hasher.checksum() : drain.checksum(0), dropped, columns);
    }
  }

  private static void pushBatches(Workload workload, UntypedSourceHandle[] sources,
      List<List<Object[]>> batches) {
    for (int b = 0; b < batches.size(); b++) {
      List<Object[]> batch = batches.get(b);
      int accepted = sources[workload.sourceOfBatch(b)].pushRows(batch);
      if (accepted != batch.size()) {
        throw new IllegalStateException("source accepted " + accepted + " of " + batch.size() + " rows");
      }
    }
  }

  private static void pushRowByRow(Workload workload, UntypedSourceHandle[] sources,
      List<List<Object[]>> batches) {
    for (int b = 0; b < batches.size(); b++) {
      UntypedSourceHandle source = sources[workload.sourceOfBatch(b)];
      for (Object[] row : batches.get(b)) {
        if (!source.push(row)) {
          throw new IllegalStateException("source rejected a row");
        }
      }
    }
  }
}
