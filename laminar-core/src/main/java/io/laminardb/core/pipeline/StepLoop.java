package io.laminardb.core.pipeline;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * The compute thread and its step queue. Any thread may submit steps; they run one at a time in
 * submission order. Steps submitted before {@link #start()} wait in the queue.
 *
 * <p>A single event pushed in-process is processed as soon as the compute thread wakes: there is no tick.
 */
public final class StepLoop {
  private final Pipeline pipeline;
  private final MpscUnboundedXaddArrayQueue<Step> queue = new MpscUnboundedXaddArrayQueue<>(1024);
  private final ReentrantLock submitLock = new ReentrantLock();
  private final Object idleMonitor = new Object();
  private long submitted;
  private volatile long completed;
  private volatile int idleWaiters;
  private volatile Thread thread;
  private volatile boolean parked;
  private volatile boolean stopping;
  private volatile boolean stopped;
  private volatile Throwable fatal;
  private static final int MAX_COALESCED_ROWS = 4096;
  private volatile boolean coalesce;

  public StepLoop(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  private volatile long spinNanos;

  /** How long the compute thread polls an empty queue before parking (0: park at once). */
  public void setSpinNanos(long nanos) {
    this.spinNanos = nanos;
  }

  /** Merge queued pushes to one source into one step (not in deterministic mode). */
  public void setCoalescing(boolean enabled) {
    this.coalesce = enabled;
  }

  public synchronized void start(String threadName) {
    if (thread != null) {
      return;
    }
    Thread t = new Thread(this::run, threadName);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  public boolean isStarted() {
    return thread != null;
  }

  public boolean isStopped() {
    return stopped || stopping;
  }

  public void submitPush(SourceNode source, Batch batch) {
    submit(new Step.Push(source, batch, -1, false));
  }

  /** A push to one partition of a partitioned source (per-partition watermarks). */
  public void submitPush(SourceNode source, Batch batch, int partition) {
    submit(new Step.Push(source, batch, partition, false));
  }

  /**
   * A push of a batch taken from {@code source.batchPool()}: it returns to the pool once processed, so the
   * caller must not touch it after this call.
   */
  public void submitPooledPush(SourceNode source, Batch batch, int partition) {
    submit(new Step.Push(source, batch, partition, true));
  }

  public void submitWatermark(SourceNode source, long watermark) {
    submit(new Step.Watermark(source, watermark, -1));
  }

  public void submitWatermark(SourceNode source, long watermark, int partition) {
    submit(new Step.Watermark(source, watermark, partition));
  }

  /**
   * Runs {@code action} on the compute thread in step order. When the loop runs, waits for it and rethrows
   * its failure; before start it is queued and this returns at once.
   */
  public void runControl(Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    submit(new Step.Control(action, done));
    if (thread != null && Thread.currentThread() != thread) {
      try {
        done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LaminarException(ErrorCode.INTERNAL, "interrupted while applying a change", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new LaminarException(ErrorCode.INTERNAL, "change failed: " + cause, cause);
      }
    }
  }

  private void submit(Step step) {
    if (stopping) {
      throw new LaminarException(ErrorCode.SHUTDOWN, "the database is shut down");
    }
    submitLock.lock();
    try {
      queue.offer(step);
      submitted++;
    } finally {
      submitLock.unlock();
    }
    Thread t = thread;
    if (t != null && parked) {
      LockSupport.unpark(t);
    }
  }

  /** Steps submitted so far (any thread). */
  public long submittedCount() {
    submitLock.lock();
    try {
      return submitted;
    } finally {
      submitLock.unlock();
    }
  }

  public long completedCount() {
    return completed;
  }

  /** Submits a processing-time tick (the database's timer does this periodically outside tests). */
  public void tick() {
    if (thread != null && !stopping) {
      submit(new Step.Tick());
    }
  }

  public int queuedSteps() {
    return queue.size();
  }

  /**
   * Blocks until every step submitted before this call has been processed and its output handed to
   * listeners. Throws if the loop is not running (nothing would ever finish) or dies meanwhile.
   */
  public void awaitIdle(Duration timeout) {
    if (thread != null && !stopping && pipeline.hasPeriodicWork()) {
      // Due processing-time emissions are evaluated inside awaitIdle() too (spec §6.1).
      submit(new Step.Tick());
    }
    long target = submittedCount();
    if (completed >= target) {
      return;
    }
    if (thread == null) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION,
          "awaitIdle() before start(): " + (target - completed) + " step(s) are waiting for start()");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idleMonitor) {
      idleWaiters++;
      try {
        while (completed < target) {
          checkAlive();
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new LaminarException(ErrorCode.TIMEOUT, "awaitIdle() timed out after " + timeout
                + " with " + (target - completed) + " step(s) still queued");
          }
          idleMonitor.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LaminarException(ErrorCode.INTERNAL, "interrupted in awaitIdle()", e);
      } finally {
        idleWaiters--;
      }
    }
  }

  private void checkAlive() {
    if (fatal != null) {
      throw new LaminarException(ErrorCode.INTERNAL, "the compute thread died: " + fatal, fatal);
    }
    if (stopped) {
      throw new LaminarException(ErrorCode.SHUTDOWN, "the database is shut down");
    }
  }

  /** Graceful stop: processes everything already queued, then ends the thread. */
  public void stop(Duration timeout) {
    if (stopping) {
      return;
    }
    submitLock.lock();
    try {
      queue.offer(new Step.Stop());
      submitted++;
      stopping = true;
    } finally {
      submitLock.unlock();
    }
    Thread t = thread;
    if (t == null) {
      stopped = true;
      return;
    }
    LockSupport.unpark(t);
    try {
      t.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopped = true;
  }

  /** Abrupt stop: queued steps are discarded. */
  public void stopNow() {
    stopping = true;
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      LockSupport.unpark(t);
    }
    queue.clear();
    synchronized (idleMonitor) {
      idleMonitor.notifyAll();
    }
  }

  private void run() {
    try {
      while (!stopped) {
        Step step = queue.relaxedPoll();
        if (step == null && spinNanos > 0) {
          step = spinPoll();
        }
        if (step == null) {
          parked = true;
          step = queue.relaxedPoll();
          if (step == null) {
            LockSupport.park(this);
            parked = false;
            continue;
          }
          parked = false;
        }
        if (step instanceof Step.Stop) {
          finishStep();
          break;
        }
        int merged = coalesce && step instanceof Step.Push push ? coalesce(push) : 0;
        process(step);
        finishStep();
        for (int i = 0; i < merged; i++) {
          finishStep();
        }
      }
    } catch (Throwable t) {
      fatal = t;
    } finally {
      stopped = true;
      synchronized (idleMonitor) {
        idleMonitor.notifyAll();
      }
    }
  }

  /** Polls the queue for up to the spin time; null when nothing arrived. */
  private Step spinPoll() {
    long deadline = System.nanoTime() + spinNanos;
    do {
      Thread.onSpinWait();
      Step step = queue.relaxedPoll();
      if (step != null) {
        return step;
      }
    } while (System.nanoTime() - deadline < 0 && !stopped);
    return null;
  }

  private void process(Step step) {
    switch (step) {
      case Step.Push push -> {
        pipeline.runPush(push.source(), push.batch(), push.partition());
        if (push.pooled()) {
          push.source().batchPool().release(push.batch());
        }
      }
      case Step.Watermark wm -> pipeline.runWatermark(wm.source(), wm.watermark(), wm.partition());
      case Step.Control control -> {
        try {
          control.action().run();
          control.done().complete(null);
        } catch (RuntimeException e) {
          control.done().completeExceptionally(e);
        }
      }
      case Step.Tick tick -> { }
      case Step.Stop stop -> { }
    }
    pipeline.endStep();
  }

  /**
   * Outside deterministic mode, consecutive queued pushes to the same source (and partition) are processed
   * as one step: batching only when input is queued, so a lone event is never delayed. Returns how many
   * extra steps were merged into {@code push}.
   */
  private int coalesce(Step.Push push) {
    int merged = 0;
    Batch batch = push.batch();
    while (batch.rowCount() < MAX_COALESCED_ROWS) {
      Step next = queue.relaxedPeek();
      if (!(next instanceof Step.Push p) || p.source() != push.source() || p.partition() != push.partition()) {
        break;
      }
      queue.relaxedPoll();
      batch.append(p.batch());
      if (p.pooled()) {
        p.source().batchPool().release(p.batch());
      }
      merged++;
    }
    return merged;
  }

  private void finishStep() {
    completed++;
    if (idleWaiters > 0) {
      synchronized (idleMonitor) {
        idleMonitor.notifyAll();
      }
    }
  }
}
