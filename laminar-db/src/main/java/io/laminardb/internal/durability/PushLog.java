package io.laminardb.internal.durability;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.wal.WalWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Durable pushes: every push and manual watermark is appended to the write-ahead log and submitted as a step
 * under one lock, so log order is step order; the caller then waits until its record is on disk.
 *
 * <p>It also remembers, per logged record, the source position the record ends at. A checkpoint barrier
 * (on the compute thread) pops the records whose steps have run; since steps run in log order these form
 * a prefix, and the last one popped is the checkpoint's {@code walLsn}: recovery replays what follows it.
 */
public final class PushLog {
  private final WalWriter wal;
  private final WalPayloads payloads = new WalPayloads();
  private final ToLongFunction<SourceNode> sourceIds;
  private final Map<SourceNode, long[]> submitted = new IdentityHashMap<>();
  private final Object lock = new Object();

  // Records not yet known to be covered by a checkpoint, as a ring of parallel arrays.
  private long[] lsns = new long[1024];
  private long[] endRows = new long[1024];
  private long[] endCalls = new long[1024];
  private SourceNode[] nodes = new SourceNode[1024];
  private int head;
  private int size;
  private long coveredLsn;

  private final java.util.function.Supplier<String> fault;
  private final java.util.function.Consumer<String> markFaulted;

  PushLog(WalWriter wal, ToLongFunction<SourceNode> sourceIds, long coveredLsn,
      java.util.function.Supplier<String> fault, java.util.function.Consumer<String> markFaulted) {
    this.wal = wal;
    this.fault = fault;
    this.markFaulted = markFaulted;
    this.sourceIds = sourceIds;
    this.coveredLsn = coveredLsn;
  }

  /** Logs a push, runs {@code submit} (which queues the step) in log order, then waits for the disk. */
  public void push(SourceNode node, int partition, Batch batch, Runnable submit) {
    long lsn;
    synchronized (lock) {
      checkHealthy();
      payloads.encodePush(sourceIds.applyAsLong(node), partition, batch);
      lsn = append();
      long[] counts = counts(node);
      counts[0] += batch.rowCount();
      remember(lsn, node, counts[0], counts[1]);
      submit.run();
    }
    awaitDurable(lsn);
  }

  public void watermark(SourceNode node, int partition, long watermark, Runnable submit) {
    long lsn;
    synchronized (lock) {
      checkHealthy();
      payloads.encodeWatermark(sourceIds.applyAsLong(node), partition, watermark);
      lsn = append();
      long[] counts = counts(node);
      counts[1]++;
      remember(lsn, node, counts[0], counts[1]);
      submit.run();
    }
    awaitDurable(lsn);
  }

  private void checkHealthy() {
    String why = fault.get();
    if (why != null) {
      throw new LaminarException(ErrorCode.PIPELINE_FAULTED, "the pipeline is faulted and accepts no pushes: "
          + why);
    }
  }

  /** A log failure means nothing more can be acknowledged: the pipeline is faulted. */
  private long append() {
    try {
      return wal.append(payloads.array(), payloads.length());
    } catch (LaminarException e) {
      markFaulted.accept(e.getMessage());
      throw e;
    }
  }

  private void awaitDurable(long lsn) {
    try {
      wal.awaitDurable(lsn);
    } catch (LaminarException e) {
      markFaulted.accept(e.getMessage());
      throw e;
    }
  }

  /** A record replayed at recovery: already in the log, submitted again, tracked for coverage. */
  void replayed(long lsn, SourceNode node, int rows, boolean isWatermark, Runnable submit) {
    synchronized (lock) {
      long[] counts = counts(node);
      if (isWatermark) {
        counts[1]++;
      } else {
        counts[0] += rows;
      }
      remember(lsn, node, counts[0], counts[1]);
      submit.run();
    }
  }

  /** Where a source's pushes continue after recovery (its restored position). */
  void startAt(SourceNode node, long rows, long calls) {
    synchronized (lock) {
      long[] counts = counts(node);
      counts[0] = rows;
      counts[1] = calls;
    }
  }

  private long[] counts(SourceNode node) {
    return submitted.computeIfAbsent(node, n -> new long[2]);
  }

  private void remember(long lsn, SourceNode node, long rows, long calls) {
    if (size == lsns.length) {
      grow();
    }
    int at = (head + size) % lsns.length;
    lsns[at] = lsn;
    endRows[at] = rows;
    endCalls[at] = calls;
    nodes[at] = node;
    size++;
  }

  private void grow() {
    int n = lsns.length * 2;
    long[] l = new long[n];
    long[] r = new long[n];
    long[] c = new long[n];
    SourceNode[] s = new SourceNode[n];
    for (int i = 0; i < size; i++) {
      int from = (head + i) % lsns.length;
      l[i] = lsns[from];
      r[i] = endRows[from];
      c[i] = endCalls[from];
      s[i] = nodes[from];
    }
    lsns = l;
    endRows = r;
    endCalls = c;
    nodes = s;
    head = 0;
  }

  /** Compute thread, at a barrier: the last LSN whose step has run. */
  long coveredLsn() {
    synchronized (lock) {
      while (size > 0) {
        SourceNode node = nodes[head];
        if (node.processedRows() < endRows[head] || node.watermarkCalls() < endCalls[head]) {
          break;
        }
        coveredLsn = lsns[head];
        nodes[head] = null;
        head = (head + 1) % lsns.length;
        size--;
      }
      return coveredLsn;
    }
  }

  WalWriter wal() {
    return wal;
  }
}
