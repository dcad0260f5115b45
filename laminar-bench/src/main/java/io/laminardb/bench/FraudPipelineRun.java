package io.laminardb.bench;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

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
      Drain drain = new Drain(subscriptions);
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
      return new Result(trades, orders, elapsed, allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore,
          drain.checksums, dropped);
    }
  }

  /** Polls every subscription on one thread; {@link #finish()} (after awaitIdle) collects the rest. */
  private static final class Drain extends Thread {
    private static final long IDLE_PARK_NANOS = 20_000;

    private final FraudPipeline[] streams;
    private final Subscription<?>[] subscriptions;
    private final RowChecksum[] sums;
    private final Map<FraudPipeline, RowChecksum> checksums = new EnumMap<>(FraudPipeline.class);
    private volatile boolean isFinishing;
    private volatile RuntimeException failure;

    Drain(Map<FraudPipeline, Subscription<Row>> byStream) {
      super("fraud-drain");
      setDaemon(true);
      streams = byStream.keySet().toArray(new FraudPipeline[0]);
      subscriptions = new Subscription<?>[streams.length];
      sums = new RowChecksum[streams.length];
      for (int i = 0; i < streams.length; i++) {
        subscriptions[i] = byStream.get(streams[i]);
        sums[i] = new RowChecksum();
        checksums.put(streams[i], sums[i]);
      }
    }

    @Override
    public void run() {
      try {
        while (true) {
          boolean isLast = isFinishing;
          boolean isEmpty = true;
          for (int s = 0; s < streams.length; s++) {
            List<?> rows = subscriptions[s].poll();
            int width = streams[s].columns().size();
            for (int i = 0, n = rows.size(); i < n; i++) {
              sums[s].add((Row) rows.get(i), width);
            }
            isEmpty &= rows.isEmpty();
          }
          if (isLast) {
            return;
          }
          if (isEmpty) {
            LockSupport.parkNanos(IDLE_PARK_NANOS);
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    void finish() {
      isFinishing = true;
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while draining results", e);
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
