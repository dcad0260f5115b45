package io.laminardb.internal.connector.datagen;

import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.internal.connector.SourceConnector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running DATAGEN source: a daemon thread that pushes generated batches into the source until
 * {@code limit} rows are out or {@link #close()} is called. When paced, batch {@code k} is pushed no earlier
 * than {@code k * batch_size / rows_per_second} seconds after start (real time, {@link System#nanoTime}).
 */
public final class DatagenSource implements SourceConnector {
  private static final Logger LOG = LoggerFactory.getLogger(DatagenSource.class);
  private static final long REJECTED_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final String sourceName;
  private final MarketDataGenerator generator;
  private volatile boolean isRunning;
  private volatile long rowsPushed;
  private Thread thread;
  private boolean isClosed;

  public DatagenSource(String sourceName, MarketDataGenerator generator) {
    this.sourceName = sourceName;
    this.generator = generator;
  }

  @Override
  public synchronized void start(UntypedSourceHandle target) {
    if (isClosed) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "DATAGEN source '" + sourceName + "' is closed");
    }
    if (thread != null) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION,
          "DATAGEN source '" + sourceName + "' is already started");
    }
    isRunning = true;
    thread = new Thread(() -> run(target), "laminar-datagen-" + sourceName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Rows the source has accepted so far. */
  public long rowsPushed() {
    return rowsPushed;
  }

  /** True while the generator thread is alive. */
  public synchronized boolean isActive() {
    return thread != null && thread.isAlive();
  }

  /** Waits for the generator thread to end (after {@code limit} rows or close); true if it ended in time. */
  public boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) {
      return true;
    }
    t.join(Math.max(1, unit.toMillis(timeout)));
    return !t.isAlive();
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (isClosed) {
        return;
      }
      isClosed = true;
      isRunning = false;
      t = thread;
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    LockSupport.unpark(t);
    try {
      t.join(CLOSE_WAIT_MILLIS);
      if (t.isAlive()) {
        t.interrupt();
        t.join(CLOSE_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(UntypedSourceHandle target) {
    DatagenConfig config = generator.config();
    int batchSize = config.batchSize();
    double nanosPerRow = config.isPaced() ? 1e9 / config.rowsPerSecond() : 0;
    long startNanos = System.nanoTime();
    try {
      while (isRunning && !generator.isExhausted()) {
        if (config.isPaced()) {
          long due = startNanos + (long) (generator.rows() * nanosPerRow);
          if (!parkUntil(due)) {
            break;
          }
        }
        List<Object[]> batch = generator.nextBatch(batchSize);
        if (!pushFully(target, batch)) {
          break;
        }
        rowsPushed += batch.size();
      }
    } catch (LaminarException e) {
      if (e.errorCode() == ErrorCode.SHUTDOWN) {
        LOG.debug("DATAGEN source '{}' stopped: database shut down", sourceName);
      } else if (isRunning) {
        LOG.error("DATAGEN source '{}' stopped after {} rows", sourceName, rowsPushed, e);
      }
    } catch (RuntimeException e) {
      if (isRunning) {
        LOG.error("DATAGEN source '{}' stopped after {} rows", sourceName, rowsPushed, e);
      }
    } finally {
      isRunning = false;
    }
  }

  /** Pushes the batch, retrying while the source rejects it (REJECT back-pressure); false if stopped first. */
  private boolean pushFully(UntypedSourceHandle target, List<Object[]> batch) {
    while (isRunning) {
      if (target.pushRows(batch) == batch.size()) {
        return true;
      }
      LockSupport.parkNanos(REJECTED_BACKOFF_NANOS);
    }
    return false;
  }

  /** Parks until {@code deadline} (System.nanoTime); false if stopped first. */
  private boolean parkUntil(long deadline) {
    while (isRunning) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return true;
      }
      LockSupport.parkNanos(remaining);
      if (Thread.interrupted()) {
        return false;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "DatagenSource[" + sourceName + ", " + generator.config() + "]";
  }
}
