package io.laminardb.bench;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the fraud pipeline: a fresh database with {@code trades}, {@code orders} and the six
 * {@link FraudPipeline} streams, {@link MarketDataGenerator} batches pushed as fast as the engine takes them
 * (each chunk's orders, then its trades), a final watermark on both sources, and one consumer thread draining and
 * checksumming all six subscriptions. Timed from the first push until every result row has been consumed.
 */
final class FraudPipelineRun {
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  /** What one run measured and produced. */
  record Result(long trades, long orders, long elapsedNanos, long allocatedBytes,
      Map<FraudPipeline, RowChecksum> outputs, long dropped) {

    double tradesPerSecond() {
      return trades / (elapsedNanos / 1e9);
    }

    /** Heap bytes allocated per trade (all threads, orders and outputs included); NaN when not measurable. */
    double bytesPerTrade() {
      return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / trades;
    }

    long outputRows() {
      long rows = 0;
      for (RowChecksum c : outputs.values()) {
        rows += c.count();
      }
      return rows;
    }
  }

  private FraudPipelineRun() {}

  static Result run(List<List<Object[]>> batches, AllocationMeter meter) {
    return run(batches, meter, EnumSet.allOf(FraudPipeline.class));
  }

  /** A run with only {@code streams} defined (to see what each stream costs). */
  static Result run(List<List<Object[]>> batches, AllocationMeter meter, Set<FraudPipeline> streams) {
    long trades = 0;
    long orders = 0;
    for (int b = 0; b < batches.size(); b++) {
      if (b % 2 == 0) {
        orders += batches.get(b).size();
      } else {
        trades += batches.get(b).size();
      }
    }
    try (LaminarDB db = LaminarDB.builder().subscriptionBuffer(1 << 23).build()) {
      for (String ddl : MarketDataGenerator.createSourceSqls()) {
        db.execute(ddl);
      }
      Map<FraudPipeline, Subscription<Row>> subscriptions = new EnumMap<>(FraudPipeline.class);
      for (FraudPipeline stream : streams) {
        db.execute(stream.createStreamSql());
        subscriptions.put(stream, db.subscribe(stream.streamName()));
      }
      db.start();
      UntypedSourceHandle orderSource = db.sourceUntyped("orders");
      UntypedSourceHandle tradeSource = db.sourceUntyped("trades");
      List<ResultDrain.Target> targets = new ArrayList<>();
      for (Map.Entry<FraudPipeline, Subscription<Row>> e : subscriptions.entrySet()) {
        targets.add(new ResultDrain.Target(e.getValue(), e.getKey().columns().size(), false));
      }
      ResultDrain drain = new ResultDrain("fraud-drain", targets);
      drain.start();

      long allocatedBefore = meter.allocatedBytes();
      long start = System.nanoTime();
      for (int b = 0; b < batches.size(); b++) {
        List<Object[]> batch = batches.get(b);
        if (batch.isEmpty()) {
          continue;
        }
        int accepted = (b % 2 == 0 ? orderSource : tradeSource).pushRows(batch);
        if (accepted != batch.size()) {
          throw new IllegalStateException("source accepted " + accepted + " of " + batch.size() + " rows");
        }
      }
      orderSource.watermark(BenchQuery.FINAL_WATERMARK_MS);
      tradeSource.watermark(BenchQuery.FINAL_WATERMARK_MS);
      db.awaitIdle(IDLE_TIMEOUT);
      drain.finish();
      long elapsed = System.nanoTime() - start;
      long allocatedAfter = meter.allocatedBytes();

      long dropped = 0;
      for (Subscription<Row> subscription : subscriptions.values()) {
        dropped += subscription.dropped();
        subscription.close();
      }
      Map<FraudPipeline, RowChecksum> checksums = new EnumMap<>(FraudPipeline.class);
      int t = 0;
      for (FraudPipeline stream : subscriptions.keySet()) {
        checksums.put(stream, drain.checksum(t++));
      }
      return new Result(trades, orders, elapsed, allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore,
          checksums, dropped);
    }
  }
}
