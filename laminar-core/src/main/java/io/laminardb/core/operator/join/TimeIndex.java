package io.laminardb.core.operator.join;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import java.util.Arrays;

/**
 * Right rows of an ASOF or temporal join, per key in event-time order (rows with equal times in arrival
 * order). Keys are found by hash, then confirmed against the key of the group's first row; a group whose
 * rows are all pruned is unlinked and its id reused. Pruning drops a prefix of a group in O(dropped).
 */
final class TimeIndex {
  final RowArena rows;
  private final int[] keys;
  private final LongIntMap heads = new LongIntMap();
  private long[] groupHash = new long[16];
  private int[] groupNext = new int[16];
  private long[][] times = new long[16][];
  private int[][] slots = new int[16][];
  private int[] start = new int[16];
  private int[] end = new int[16];
  private final io.laminardb.common.collect.IntList freeGroups = new io.laminardb.common.collect.IntList();
  private int groupCount;

  TimeIndex(io.laminardb.core.type.Schema schema, int[] keys) {
    this.rows = new RowArena(schema);
    this.keys = keys;
  }

  /** The group holding rows whose key equals that of row {@code row} in {@code columns}, or -1. */
  int find(long hash, Column[] columns, int[] rowKeys, int row) {
    for (int g = heads.get(hash); g >= 0; g = groupNext[g]) {
      if (groupHash[g] == hash
          && JoinKeys.equal(columns, rowKeys, row, rows.columns, keys, slots[g][start[g]])) {
        return g;
      }
    }
    return -1;
  }

  void add(Batch batch, int row, Column[] columns, long hash, long time) {
    int g = find(hash, columns, keys, row);
    if (g < 0) {
      g = newGroup(hash);
    }
    insert(g, time, rows.add(batch, row));
  }

  private void insert(int g, long time, int slot) {
    long[] ts = times[g];
    int[] ss = slots[g];
    if (end[g] == ts.length) {
      int live = end[g] - start[g];
      if (start[g] > live) {
        // Compact in place rather than grow when most of the array is pruned.
        System.arraycopy(ts, start[g], ts, 0, live);
        System.arraycopy(ss, start[g], ss, 0, live);
      } else {
        ts = times[g] = Arrays.copyOf(ts, ts.length * 2);
        ss = slots[g] = Arrays.copyOf(ss, ss.length * 2);
        System.arraycopy(ts, start[g], ts, 0, live);
        System.arraycopy(ss, start[g], ss, 0, live);
      }
      start[g] = 0;
      end[g] = live;
    }
    int at = upperBound(g, time);
    System.arraycopy(ts, at, ts, at + 1, end[g] - at);
    System.arraycopy(ss, at, ss, at + 1, end[g] - at);
    ts[at] = time;
    ss[at] = slot;
    end[g]++;
  }

  private int newGroup(long hash) {
    int g;
    if (!freeGroups.isEmpty()) {
      g = freeGroups.get(freeGroups.size() - 1);
      freeGroups.removeSwap(freeGroups.size() - 1);
    } else {
      g = groupCount++;
      if (g == groupHash.length) {
        int n = g * 2;
        groupHash = Arrays.copyOf(groupHash, n);
        groupNext = Arrays.copyOf(groupNext, n);
        times = Arrays.copyOf(times, n);
        slots = Arrays.copyOf(slots, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
      }
      times[g] = new long[4];
      slots[g] = new int[4];
    }
    groupHash[g] = hash;
    start[g] = 0;
    end[g] = 0;
    groupNext[g] = heads.get(hash);
    heads.put(hash, g);
    return g;
  }

  /** First index of group {@code g} with time greater than {@code time}. */
  int upperBound(int g, long time) {
    long[] ts = times[g];
    int lo = start[g];
    int hi = end[g];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] <= time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index of group {@code g} with time at least {@code time}. */
  int lowerBound(int g, long time) {
    long[] ts = times[g];
    int lo = start[g];
    int hi = end[g];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  int start(int g) {
    return start[g];
  }

  int end(int g) {
    return end[g];
  }

  long time(int g, int index) {
    return times[g][index];
  }

  int slot(int g, int index) {
    return slots[g][index];
  }

  /** Drops the rows of group {@code g} before {@code index}; unlinks the group when none remain. */
  void dropBefore(int g, int index) {
    for (int i = start[g]; i < index; i++) {
      rows.release(slots[g][i]);
    }
    start[g] = index;
    if (start[g] == end[g]) {
      unlink(g);
    }
  }

  private void unlink(int g) {
    long hash = groupHash[g];
    int head = heads.get(hash);
    if (head == g) {
      if (groupNext[g] >= 0) {
        heads.put(hash, groupNext[g]);
      } else {
        heads.remove(hash);
      }
    } else {
      int p = head;
      while (groupNext[p] != g) {
        p = groupNext[p];
      }
      groupNext[p] = groupNext[g];
    }
    start[g] = 0;
    end[g] = 0;
    groupHash[g] = 0;
    groupNext[g] = -2;
    freeGroups.add(g);
  }

  /** Ids of every group ever created; live ones have {@code start(g) < end(g)}. */
  int groupCount() {
    return groupCount;
  }

  boolean isLive(int g) {
    return start[g] < end[g];
  }

  int size() {
    return rows.liveCount();
  }

  long sizeBytes() {
    return rows.liveCount() * (rows.bytesPerRow() + 12) + (long) groupCount * 64;
  }

  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(rows.liveCount());
    for (int g = 0; g < groupCount; g++) {
      for (int i = start[g]; i < end[g]; i++) {
        out.writeLong(groupHash[g]);
        out.writeLong(times[g][i]);
        rows.writeRow(slots[g][i], out);
      }
    }
  }

  void read(java.io.DataInput in) throws java.io.IOException {
    int n = in.readInt();
    Column[] columns = rows.columns;
    for (int i = 0; i < n; i++) {
      long hash = in.readLong();
      long time = in.readLong();
      int slot = rows.readRow(in);
      int g = find(hash, columns, keys, slot);
      if (g < 0) {
        g = newGroup(hash);
      }
      insert(g, time, slot);
    }
  }
}
