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
 * The rows a top-N operator ranks: per partition the current best rows in rank order ({@code current}) and
 * what was last emitted for each rank position ({@code shown}, with its rank). Rows live in a slot store;
 * a slot is freed once no list refers to it. Between steps {@code shown} equals {@code current}, so a
 * snapshot writes each partition's rows once with their ranks.
 */
final class TopNState implements OperatorState {
  final GroupTable partitions;
  final Batch rows;
  private final Schema schema;
  int allocated;
  int[][] current = new int[0][];
  int[] currentLength = new int[0];
  int[][] shown = new int[0][];
  long[][] shownRank = new long[0][];
  int[] shownLength = new int[0];
  boolean[] isSlotShown = new boolean[16];
  private int[] freeSlots = new int[16];
  private int freeCount;
  private int highWater;

  TopNState(Schema inputSchema, int[] partitionColumns) {
    this.schema = inputSchema;
    this.partitions = new GroupTable(inputSchema, partitionColumns);
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
      isSlotShown = Arrays.copyOf(isSlotShown, isSlotShown.length * 2);
    }
    return slot;
  }

  void store(Batch batch, int row, int slot) {
    for (int c = 0; c < schema.size(); c++) {
      rows.column(c).copyRow(batch.column(c), row, slot);
    }
  }

  void freeSlot(int slot) {
    isSlotShown[slot] = false;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = slot;
  }

  int liveRows() {
    return highWater - freeCount;
  }

  @Override
  public void snapshot(DataOutput out) throws IOException {
    int n = partitions.slotBound();
    out.writeInt(n);
    Batch keys = partitions.keyStore();
    for (int p = 0; p < n; p++) {
      for (int k = 0; k < keys.columnCount(); k++) {
        ColumnCodec.write(keys.column(k), p, keys.schema().field(k).type().kind(), out);
      }
      out.writeInt(shownLength[p]);
      for (int i = 0; i < shownLength[p]; i++) {
        int slot = shown[p][i];
        for (int c = 0; c < schema.size(); c++) {
          ColumnCodec.write(rows.column(c), slot, schema.field(c).type().kind(), out);
        }
        out.writeLong(shownRank[p][i]);
      }
    }
  }

  @Override
  public void restore(DataInput in) throws IOException {
    int n = in.readInt();
    Batch keys = partitions.keyStore().copy();
    keys.ensureCapacity(1);
    keys.setRowCount(1);
    for (int p = 0; p < n; p++) {
      for (int k = 0; k < keys.columnCount(); k++) {
        ColumnCodec.read(keys.column(k), 0, keys.schema().field(k).type().kind(), in);
      }
      if (partitions.findOrInsertStored(keys, 0, 0) != p) {
        throw new IOException("top-N partitions restored out of order");
      }
      int length = in.readInt();
      ensurePartitions(p + 1, Math.max(length, 1));
      current[p] = new int[Math.max(length, 1)];
      shown[p] = new int[Math.max(length, 1)];
      shownRank[p] = new long[Math.max(length, 1)];
      for (int i = 0; i < length; i++) {
        int slot = newSlot();
        for (int c = 0; c < schema.size(); c++) {
          ColumnCodec.read(rows.column(c), slot, schema.field(c).type().kind(), in);
        }
        current[p][i] = slot;
        shown[p][i] = slot;
        shownRank[p][i] = in.readLong();
        isSlotShown[slot] = true;
      }
      currentLength[p] = length;
      shownLength[p] = length;
    }
  }

  @Override
  public long sizeBytes() {
    long perRow = 10L * schema.size() + 1 + 2 * (4 + 8);
    return (long) liveRows() * perRow + (long) allocated * 64;
  }
}
