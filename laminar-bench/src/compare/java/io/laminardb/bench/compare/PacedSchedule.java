package io.laminardb.bench.compare;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The pacing and recording of a latency run, as LaminarDB's {@code LatencyRun} does it: event {@code i} is due
 * {@code i / rate} seconds after the first, waited for by a spin that yields; the first {@code warmupRows} are not
 * recorded. Results are recorded by one thread at a time (the engines here deliver on the pushing thread or on
 * one sink thread).
 */
public final class PacedSchedule {
  private final double rate;
  private final int rows;
  private final int warmupRows;
  private final double periodNanos;
  private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
  private long start;
  private volatile long measureFrom = Long.MAX_VALUE;
  private long measuredStart;
  private long end;
  private long results;

  public PacedSchedule(double rate, int rows) {
    this.rate = rate;
    this.rows = rows;
    this.warmupRows = (int) Math.min(rows / 5, rate * 10);
    this.periodNanos = 1e9 / rate;
  }

  public double rate() {
    return rate;
  }

  public int rows() {
    return rows;
  }

  /** Waits until event {@code i} is due and returns the nanoTime to stamp it with. */
  public long awaitTurn(int i) {
    if (i == 0) {
      start = System.nanoTime();
    }
    long due = start + (long) (i * periodNanos);
    while (System.nanoTime() < due) {
      Thread.yield();
    }
    long now = System.nanoTime();
    if (i == warmupRows) {
      measuredStart = now;
      measureFrom = now;
    }
    if (i == rows - 1) {
      end = now;
    }
    return now;
  }

  /** Records the result row of an event stamped {@code sentNanos}. */
  public void record(long sentNanos) {
    long now = System.nanoTime();
    results++;
    if (sentNanos >= measureFrom) {
      histogram.recordValue(Math.min(now - sentNanos, histogram.getHighestTrackableValue()));
    }
  }

  public LatencyResult result() {
    double achieved = (rows - warmupRows) / ((end - measuredStart) / 1e9);
    return new LatencyResult(rows, rate, achieved, results, histogram.copy());
  }
}
