package io.laminardb.internal.subscribe;

import io.laminardb.ColumnInfo;
import io.laminardb.Subscription;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.StepListener;
import io.laminardb.core.pipeline.StreamNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A subscription buffering each step's rows; when more than {@code capacityRows} are buffered the oldest
 * steps are dropped (and counted), so a slow reader never stalls the engine.
 */
public final class BufferedSubscription<R> implements Subscription<R>, StepListener {
  private final String name;
  private final List<ColumnInfo> columns;
  private final RowMapper<R> mapper;
  private final StreamNode node;
  private final int capacityRows;
  private final ArrayDeque<List<R>> steps = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private int bufferedRows;
  private long dropped;
  private volatile boolean active = true;

  public BufferedSubscription(String name, List<ColumnInfo> columns, RowMapper<R> mapper, StreamNode node,
      int capacityRows) {
    this.name = name;
    this.columns = columns;
    this.mapper = mapper;
    this.node = node;
    this.capacityRows = capacityRows;
  }

  @Override
  public void onStepOutput(Batch rows) {
    if (!active) {
      return;
    }
    int n = rows.rowCount();
    List<R> mapped = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mapped.add(mapper.map(rows, i));
    }
    lock.lock();
    try {
      steps.addLast(mapped);
      bufferedRows += n;
      while (bufferedRows > capacityRows && steps.size() > 1) {
        List<R> oldest = steps.removeFirst();
        bufferedRows -= oldest.size();
        dropped += oldest.size();
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public List<R> poll() {
    lock.lock();
    try {
      return drain();
    } finally {
      lock.unlock();
    }
  }

  private List<R> drain() {
    List<R> all = new ArrayList<>(bufferedRows);
    for (List<R> step : steps) {
      all.addAll(step);
    }
    steps.clear();
    bufferedRows = 0;
    return all;
  }

  @Override
  public List<R> recv() throws InterruptedException {
    lock.lock();
    try {
      while (steps.isEmpty()) {
        if (!active) {
          throw closed();
        }
        arrived.await();
      }
      return drain();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<R> recv(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (steps.isEmpty()) {
        if (!active) {
          throw closed();
        }
        if (nanos <= 0) {
          throw new LaminarException(ErrorCode.TIMEOUT, "no rows from '" + name + "' within " + timeout);
        }
        nanos = arrived.awaitNanos(nanos);
      }
      return drain();
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code timeout} for rows; an empty list when none came (for delivery threads). */
  List<R> awaitSome(long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      if (steps.isEmpty() && active) {
        arrived.await(timeoutMillis, TimeUnit.MILLISECONDS);
      }
      return drain();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int pollEach(int maxBatches, Predicate<R> consumer) {
    int consumed = 0;
    while (consumed < maxBatches) {
      List<R> step;
      lock.lock();
      try {
        step = steps.pollFirst();
        if (step != null) {
          bufferedRows -= step.size();
        }
      } finally {
        lock.unlock();
      }
      if (step == null) {
        break;
      }
      consumed++;
      for (R row : step) {
        if (!consumer.test(row)) {
          return consumed;
        }
      }
    }
    return consumed;
  }

  @Override
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void close() {
    if (!active) {
      return;
    }
    active = false;
    node.removeListener(this);
    lock.lock();
    try {
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private LaminarException closed() {
    return new LaminarException(ErrorCode.SHUTDOWN, "subscription to '" + name + "' is closed");
  }
}
