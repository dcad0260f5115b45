package io.laminardb.bench;

import io.laminardb.LaminarDB;
import io.laminardb.Row;
import io.laminardb.UntypedSourceHandle;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Push-to-subscriber latency at a fixed rate: bids pushed one row at a time, paced at {@code ratePerSecond} by a
 * spin that yields (a pure busy-spin starves the engine's threads on small machines), each carrying {@code System.nanoTime()} at push in a BIGINT column; a callback
 * subscription records {@code nanoTime() - sent} for every result row. The first fifth of the run (at most 10 s)
 * is warm-up and not recorded. Latency is measured from the actual push, so a stalled producer hides queueing
 * (coordinated omission); the achieved rate is reported next to the target to show when that happens.
 */
final class LatencyRun {
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  /** Latencies in nanoseconds. */
  record Result(BenchQuery query, Delivery delivery, long rowsIn, double targetRate, double achievedRate,
      long resultRows, Histogram histogram) {}

  /** How result rows reach the measuring callback. */
  enum Delivery {
    /** {@code subscribe(name, type, callback)}: a delivery thread of the subscription. */
    THREAD,
    /** {@code subscribeInline}: on the compute thread, no hand-off. */
    INLINE
  }

  private LatencyRun() {}

  static Result run(BenchQuery query, Delivery delivery, List<List<Object[]>> batches, double ratePerSecond) {
    return run(query, delivery, batches, ratePerSecond, LaminarDB::open, List.of());
  }

  /**
   * @param open opens the database (for example with a storage directory and periodic checkpoints)
   * @param extraStatements further statements over the bids source, run next to the measured query (state
   *     for checkpoints to capture)
   */
  static Result run(BenchQuery query, Delivery delivery, List<List<Object[]>> batches, double ratePerSecond,
      java.util.function.Supplier<LaminarDB> open, List<String> extraStatements) {
    int rows = batches.stream().mapToInt(List::size).sum();
    int warmupRows = (int) Math.min(rows / 5, ratePerSecond * 10);
    long expected = query.referenceChecksum(batches).count();
    int sentIndex = query == BenchQuery.Q0 ? BidGenerator.WIDTH : query.columns().size();
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    long[] received = new long[1];
    Object lock = new Object();
    // Rows pushed before this nanoTime are warm-up.
    long[] measureFrom = {Long.MAX_VALUE};

    try (LaminarDB db = open.get()) {
      db.execute(BidGenerator.createSourceSql(PipelineRun.SOURCE, BenchQuery.SENT_COLUMN + " BIGINT NOT NULL"));
      db.execute(query.createStreamSql(PipelineRun.STREAM, true));
      for (String statement : extraStatements) {
        db.execute(statement);
      }
      java.util.function.Consumer<List<Row>> recorder = delivered -> {
        long now = System.nanoTime();
        synchronized (lock) {
          for (Row row : delivered) {
            long sent = (Long) row.get(sentIndex);
            if (sent >= measureFrom[0]) {
              histogram.recordValue(Math.min(now - sent, histogram.getHighestTrackableValue()));
            }
          }
          received[0] += delivered.size();
          lock.notifyAll();
        }
      };
      AutoCloseable subscription = delivery == Delivery.INLINE
          ? db.subscribeInline(PipelineRun.STREAM, Row.class, recorder)
          : db.subscribe(PipelineRun.STREAM, Row.class, recorder);
      db.start();
      UntypedSourceHandle bids = db.sourceUntyped(PipelineRun.SOURCE);

      double periodNanos = 1e9 / ratePerSecond;
      long start = System.nanoTime();
      long measuredStart = start;
      int i = 0;
      for (List<Object[]> batch : batches) {
        for (Object[] bid : batch) {
          long due = start + (long) (i * periodNanos);
          while (System.nanoTime() < due) {
            Thread.yield();
          }
          if (i == warmupRows) {
            measuredStart = System.nanoTime();
            synchronized (lock) {
              measureFrom[0] = measuredStart;
            }
          }
          Object[] row = Arrays.copyOf(bid, BidGenerator.WIDTH + 1);
          row[BidGenerator.WIDTH] = System.nanoTime();
          bids.push(row);
          i++;
        }
      }
      long pushEnd = System.nanoTime();
      db.awaitIdle();
      awaitResults(lock, received, expected);
      subscription.close();
      double achieved = (rows - warmupRows) / ((pushEnd - measuredStart) / 1e9);
      synchronized (lock) {
        return new Result(query, delivery, rows, ratePerSecond, achieved, received[0], histogram.copy());
      }
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static void awaitResults(Object lock, long[] received, long expected) throws InterruptedException {
    synchronized (lock) {
      long last = -1;
      long deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
      while (received[0] < expected) {
        if (received[0] != last) {
          last = received[0];
          deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
        }
        long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (wait <= 0) {
          throw new IllegalStateException("latency run stalled: " + received[0] + " of " + expected
              + " result rows delivered");
        }
        lock.wait(wait);
      }
      if (received[0] != expected) {
        throw new IllegalStateException("latency run delivered " + received[0] + " rows, expected " + expected);
      }
    }
  }
}
