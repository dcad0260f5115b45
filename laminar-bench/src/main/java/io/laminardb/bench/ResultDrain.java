package io.laminardb.bench;

import io.laminardb.Row;
import io.laminardb.Subscription;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls result subscriptions on its own thread and checksums every row, one {@link RowChecksum} per
 * subscription (a changelog's rows by their {@code __weight}, so it sums to the net result). {@link #finish()}
 * is called after {@code awaitIdle()}, when every result is buffered: one last poll collects the rest.
 */
final class ResultDrain extends Thread {
  private static final long IDLE_PARK_NANOS = 20_000;

  /** One subscription to drain: the first {@code width} columns are checksummed. */
  record Target(Subscription<Row> subscription, int width, boolean isChangelog) {}

  private final Target[] targets;
  private final RowChecksum[] checksums;
  private volatile boolean isFinishing;
  private volatile RuntimeException failure;

  ResultDrain(String name, List<Target> targets) {
    super(name);
    setDaemon(true);
    this.targets = targets.toArray(new Target[0]);
    this.checksums = new RowChecksum[this.targets.length];
    for (int i = 0; i < checksums.length; i++) {
      checksums[i] = new RowChecksum();
    }
  }

  /** A drain of one subscription. */
  static ResultDrain of(String name, Subscription<Row> subscription, int width, boolean isChangelog) {
    return new ResultDrain(name, List.of(new Target(subscription, width, isChangelog)));
  }

  /** The checksum of target {@code i}'s rows (complete after {@link #finish()}). */
  RowChecksum checksum(int i) {
    return checksums[i];
  }

  @Override
  public void run() {
    try {
      while (true) {
        boolean isLast = isFinishing;
        boolean isEmpty = true;
        for (int t = 0; t < targets.length; t++) {
          Target target = targets[t];
          List<Row> rows = target.subscription().poll();
          for (int i = 0, n = rows.size(); i < n; i++) {
            Row row = rows.get(i);
            if (target.isChangelog()) {
              checksums[t].addWeighted(row, target.width(), row.weight());
            } else {
              checksums[t].add(row, target.width());
            }
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

  /** Collects the last rows, ends the thread and rethrows what the drain failed with. */
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
