package io.laminardb.core.operator.join;

import io.laminardb.common.collect.TimerHeap;
import io.laminardb.core.batch.Batch;
import java.util.Arrays;

/**
 * One side of an interval join: kept rows chained per key hash (doubly linked, so eviction unlinks in O(1))
 * and ordered by event time in a min-heap, so a watermark evicts exactly the rows it passes.
 */
final class KeyedRows {
  final RowArena rows;
  private final LongIntMap heads = new LongIntMap();
  private final TimerHeap byTime = new TimerHeap();
  long[] times = new long[16];
  boolean[] matched = new boolean[16];
  /** Taken out by a retraction: unlinked from its key, released when the time heap reaches it. */
  boolean[] removed = new boolean[16];
  private long[] hashes = new long[16];
  private int[] next = new int[16];
  private int[] prev = new int[16];

  KeyedRows(io.laminardb.core.type.Schema schema) {
    this.rows = new RowArena(schema);
  }

  /** Keeps row {@code row} of {@code batch} under key hash {@code hash} at event time {@code time}. */
  int add(Batch batch, int row, long hash, long time, boolean isMatched) {
    return link(rows.add(batch, row), hash, time, isMatched);
  }

  private int link(int slot, long hash, long time, boolean isMatched) {
    if (slot >= times.length) {
      int n = Math.max(slot + 1, times.length * 2);
      times = Arrays.copyOf(times, n);
      matched = Arrays.copyOf(matched, n);
      removed = Arrays.copyOf(removed, n);
      hashes = Arrays.copyOf(hashes, n);
      next = Arrays.copyOf(next, n);
      prev = Arrays.copyOf(prev, n);
    }
    times[slot] = time;
    matched[slot] = isMatched;
    removed[slot] = false;
    hashes[slot] = hash;
    int head = heads.get(hash);
    next[slot] = head;
    prev[slot] = -1;
    if (head >= 0) {
      prev[head] = slot;
    }
    heads.put(hash, slot);
    byTime.push(time, slot, 0);
    return slot;
  }

  /** First slot whose key hash is {@code hash}, or -1; continue with {@link #next(int)}. */
  int first(long hash) {
    return heads.get(hash);
  }

  int next(int slot) {
    return next[slot];
  }

  /** The earliest kept event time, or {@link Long#MAX_VALUE} when empty. */
  long earliest() {
    return byTime.isEmpty() ? Long.MAX_VALUE : byTime.peekTime();
  }

  /** Slot of the row with the earliest event time; the caller then calls {@link #evictEarliest()}. */
  int earliestSlot() {
    return byTime.peekSlot();
  }

  void evictEarliest() {
    int slot = byTime.peekSlot();
    byTime.pop();
    if (!removed[slot]) {
      unlink(slot);
    }
    rows.release(slot);
  }

  /**
   * Takes {@code slot} out of its key's chain at once (a retraction); the time heap, which cannot delete
   * early, releases it when the watermark reaches it, and eviction skips it.
   */
  void remove(int slot) {
    unlink(slot);
    removed[slot] = true;
  }

  private void unlink(int slot) {
    int p = prev[slot];
    int n = next[slot];
    if (p >= 0) {
      next[p] = n;
    } else if (n >= 0) {
      heads.put(hashes[slot], n);
    } else {
      heads.remove(hashes[slot]);
    }
    if (n >= 0) {
      prev[n] = p;
    }
  }

  int size() {
    return rows.liveCount();
  }

  long sizeBytes() {
    return rows.liveCount() * (rows.bytesPerRow() + 40);
  }

  void write(java.io.DataOutput out) throws java.io.IOException {
    int kept = 0;
    for (int s = 0; s < rows.highWater(); s++) {
      kept += rows.isLive(s) && !removed[s] ? 1 : 0;
    }
    out.writeInt(kept);
    for (int s = 0; s < rows.highWater(); s++) {
      if (rows.isLive(s) && !removed[s]) {
        out.writeLong(times[s]);
        out.writeLong(hashes[s]);
        out.writeBoolean(matched[s]);
        rows.writeRow(s, out);
      }
    }
  }

  void read(java.io.DataInput in) throws java.io.IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      long time = in.readLong();
      long hash = in.readLong();
      boolean isMatched = in.readBoolean();
      link(rows.readRow(in), hash, time, isMatched);
    }
  }
}
