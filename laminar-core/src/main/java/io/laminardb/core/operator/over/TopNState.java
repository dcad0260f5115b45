package io.laminardb.core.operator.over;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.aggregate.GroupTable;
import io.laminardb.core.state.ColumnCodec;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.type.Schema;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The rows a top-N operator ranks: per partition the rows in rank order ({@code current}: the best rows of
 * an append-only input, or every live row of an upsert input) and what was last emitted for each rank
 * position ({@code shown}, with its rank, always a prefix of {@code current} between steps). Rows live in a
 * slot store; a slot is freed once it is neither live nor shown. Upsert input also maps each key to the slot
 * of its latest row, and orders ties by arrival sequence.
 */
final class TopNState implements OperatorState {
  final GroupTable partitions;
  /** Upsert input: key to {@code slotOfKey}; null for append-only input. */
  final GroupTable keys;
  final Batch rows;
  private final Schema schema;
  int[] slotOfKey = new int[16];
  int[] partitionOfSlot = new int[16];
  long[] sequenceOfSlot = new long[16];
  boolean[] isSlotLive = new boolean[16];
  long nextSequence;
  int allocated;
  int[][] current = new int[0][];
  int[] currentLength = new int[0];
  int[][] shown = new int[0][];
  long[][] shownRank = new long[0][];
  int[] shownLength = new int[0];
  /** Per partition slot: holds a partition (slots of evicted partitions are reused by the group table). */
  boolean[] isPartitionLive = new boolean[0];
  boolean[] isSlotShown = new boolean[16];
  private int[] freeSlots = new int[16];
  private int freeCount;
  private int highWater;

  TopNState(Schema inputSchema, int[] partitionColumns, int[] upsertKey) {
    this.schema = inputSchema;
    this.partitions = new GroupTable(inputSchema, partitionColumns);
    this.keys = upsertKey == null ? null : new GroupTable(inputSchema, upsertKey);
    Arrays.fill(slotOfKey, -1);
    this.rows = new Batch(inputSchema, 16);
  }

  void ensurePartitions(int bound, int initialRows) {
    if (bound <= allocated) {
      return;
    }
    int n = Math.max(bound, Math.max(16, allocated * 2));
    current = Arrays.copyOf(current, n);
    currentLength = Arrays.copyOf(currentLength, n);
    shown = Arrays.copyOf(shown, n);
    shownRank = Arrays.copyOf(shownRank, n);
    shownLength = Arrays.copyOf(shownLength, n);
    isPartitionLive = Arrays.copyOf(isPartitionLive, n);
    for (int p = allocated; p < n; p++) {
      current[p] = new int[initialRows];
      shown[p] = new int[initialRows];
      shownRank[p] = new long[initialRows];
    }
    allocated = n;
  }

  int newSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    int slot = highWater++;
    rows.ensureCapacity(highWater);
    rows.setRowCount(highWater);
    if (slot >= isSlotShown.length) {
      int n = isSlotShown.length * 2;
      isSlotShown = Arrays.copyOf(isSlotShown, n);
      isSlotLive = Arrays.copyOf(isSlotLive, n);
      partitionOfSlot = Arrays.copyOf(partitionOfSlot, n);
      sequenceOfSlot = Arrays.copyOf(sequenceOfSlot, n);
    }
    return slot;
  }

  /** Copies a row into {@code slot}, making it the live row of partition {@code p} (and of its key). */
  void store(Batch batch, int row, int slot, int p) {
    for (int c = 0; c < schema.size(); c++) {
      rows.column(c).copyRow(batch.column(c), row, slot);
    }
    isSlotLive[slot] = true;
    partitionOfSlot[slot] = p;
    sequenceOfSlot[slot] = nextSequence++;
  }

  /** The slot of key id {@code key}'s live row, or -1. */
  int slotOfKey(int key) {
    if (key >= slotOfKey.length) {
      int old = slotOfKey.length;
      slotOfKey = Arrays.copyOf(slotOfKey, Math.max(key + 1, old * 2));
      Arrays.fill(slotOfKey, old, slotOfKey.length, -1);
    }
    return slotOfKey[key];
  }

  void freeSlot(int slot) {
    isSlotShown[slot] = false;
    isSlotLive[slot] = false;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = slot;
  }

  /**
   * Drops partition {@code p} and its rows (and their upsert keys). Called after the step's changes were
   * emitted, so every shown row is also current.
   */
  void evict(int p) {
    for (int i = 0; i < currentLength[p]; i++) {
      int slot = current[p][i];
      if (keys != null) {
        int key = keys.find(rows, slot, 0);
        if (key >= 0 && slotOfKey(key) == slot) {
          slotOfKey[key] = -1;
          keys.remove(key);
        }
      }
      freeSlot(slot);
    }
    currentLength[p] = 0;
    shownLength[p] = 0;
    isPartitionLive[p] = false;
    partitions.remove(p);
  }

  int liveRows() {
    return highWater - freeCount;
  }

  @Override
  public void snapshot(DataOutput out) throws IOException {
    int n = partitions.slotBound();
    out.writeInt(partitions.size());
    Batch keys = partitions.keyStore();
    for (int p = 0; p < n; p++) {
      if (!isPartitionLive[p]) {
        continue;
      }
      ColumnCodec.writeRow(keys, p, out);
      out.writeInt(currentLength[p]);
      for (int i = 0; i < currentLength[p]; i++) {
        int slot = current[p][i];
        ColumnCodec.writeRow(rows, slot, out);
        out.writeLong(sequenceOfSlot[slot]);
      }
      out.writeInt(shownLength[p]);
      for (int i = 0; i < shownLength[p]; i++) {
        out.writeLong(shownRank[p][i]);
      }
    }
    out.writeLong(nextSequence);
  }

  @Override
  public void restore(DataInput in) throws IOException {
    int n = in.readInt();
    Batch partitionKey = partitions.keyStore().copy();
    partitionKey.ensureCapacity(1);
    partitionKey.setRowCount(1);
    for (int restored = 0; restored < n; restored++) {
      ColumnCodec.readRow(partitionKey, 0, in);
      int p = partitions.findOrInsertStored(partitionKey, 0, 0);
      int length = in.readInt();
      ensurePartitions(p + 1, 1);
      isPartitionLive[p] = true;
      current[p] = new int[Math.max(length, 1)];
      for (int i = 0; i < length; i++) {
        int slot = newSlot();
        ColumnCodec.readRow(rows, slot, in);
        current[p][i] = slot;
        isSlotLive[slot] = true;
        partitionOfSlot[slot] = p;
        sequenceOfSlot[slot] = in.readLong();
        if (keys != null) {
          int key = keys.findOrInsert(rows, slot, 0);
          slotOfKey(key);
          slotOfKey[key] = slot;
        }
      }
      currentLength[p] = length;
      int shownCount = in.readInt();
      shown[p] = new int[Math.max(shownCount, 1)];
      shownRank[p] = new long[Math.max(shownCount, 1)];
      for (int i = 0; i < shownCount; i++) {
        shown[p][i] = current[p][i];
        shownRank[p][i] = in.readLong();
        isSlotShown[current[p][i]] = true;
      }
      shownLength[p] = shownCount;
    }
    nextSequence = in.readLong();
  }

  @Override
  public long sizeBytes() {
    long perRow = 10L * schema.size() + 2 + 2 * (4 + 8) + 12 + (keys == null ? 0 : 4);
    return (long) liveRows() * perRow + (long) allocated * 64;
  }
}
