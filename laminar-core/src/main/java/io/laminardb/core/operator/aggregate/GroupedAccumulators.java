package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Groups plus their accumulators, and the rows last emitted per group (for retractions): the state both
 * aggregate operators share. Single-threaded.
 */
final class GroupedAccumulators {
  final GroupTable groups;
  private final Accumulator[] accumulators;
  private final int[] filterColumns;
  private final boolean[][] include;
  private final AggregateLayout layout;
  private long[] netWeight = new long[16];
  private Batch lastEmitted;
  private boolean[] hasEmitted = new boolean[16];
  private int capacity = 16;

  GroupedAccumulators(Schema input, int[] keyColumns, List<AccumulatorSpec> specs, AggregateLayout layout,
      Schema output, boolean keepEmitted) {
    this.groups = new GroupTable(input, keyColumns);
    this.layout = layout;
    this.accumulators = new Accumulator[specs.size()];
    this.filterColumns = new int[specs.size()];
    this.include = new boolean[specs.size()][];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = specs.get(i).create();
      accumulators[i].ensureCapacity(capacity);
      filterColumns[i] = specs.get(i).filterColumn();
      include[i] = filterColumns[i] >= 0 ? new boolean[64] : null;
    }
    this.lastEmitted = keepEmitted ? new Batch(output, 16) : null;
  }

  /** Grows per-slot state to cover every slot the group table has handed out. */
  void ensureSlots() {
    int needed = groups.slotBound();
    if (needed <= capacity) {
      return;
    }
    int n = Math.max(needed, capacity * 2);
    for (Accumulator a : accumulators) {
      a.ensureCapacity(n);
    }
    netWeight = Arrays.copyOf(netWeight, n);
    hasEmitted = Arrays.copyOf(hasEmitted, n);
    if (lastEmitted != null) {
      lastEmitted.ensureCapacity(n);
      lastEmitted.setRowCount(n);
    }
    capacity = n;
  }

  /** A slot handed out for a new group starts empty. */
  void initSlot(int slot) {
    for (Accumulator a : accumulators) {
      a.clear(slot);
    }
    netWeight[slot] = 0;
    hasEmitted[slot] = false;
  }

  void add(Batch batch, int[] slots, int rowCount, long[] weights) {
    for (int i = 0; i < accumulators.length; i++) {
      boolean[] inc = null;
      if (filterColumns[i] >= 0) {
        if (include[i].length < rowCount) {
          include[i] = new boolean[Math.max(rowCount, include[i].length * 2)];
        }
        inc = include[i];
        LongColumn filter = batch.longColumn(filterColumns[i]);
        for (int r = 0; r < rowCount; r++) {
          inc[r] = !filter.nulls[r] && filter.values[r] != 0L;
        }
      }
      accumulators[i].add(batch, slots, rowCount, weights, inc);
    }
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (slot >= 0) {
        netWeight[slot] += weights == null ? 1L : weights[r];
      }
    }
  }

  void merge(int target, int source) {
    for (Accumulator a : accumulators) {
      a.merge(target, source);
    }
    netWeight[target] += netWeight[source];
  }

  long netWeight(int slot) {
    return netWeight[slot];
  }

  /** Writes the current row of {@code slot} (keys, window bounds, aggregates) into {@code out} at {@code row}. */
  void writeRow(int slot, long windowStart, long windowEnd, Batch out, int row) {
    groups.writeKey(slot, out, row, layout.keyColumns());
    if (layout.windowStartColumn() >= 0) {
      LongColumn c = out.longColumn(layout.windowStartColumn());
      c.values[row] = windowStart;
      c.nulls[row] = false;
    }
    if (layout.windowEndColumn() >= 0) {
      LongColumn c = out.longColumn(layout.windowEndColumn());
      c.values[row] = windowEnd;
      c.nulls[row] = false;
    }
    int[] columns = layout.aggregateColumns();
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i].write(slot, out.column(columns[i]), row);
    }
  }

  boolean hasEmitted(int slot) {
    return hasEmitted[slot];
  }

  /** Remembers row {@code row} of {@code out} as what {@code slot} last emitted. */
  void rememberEmitted(int slot, Batch out, int row) {
    for (int c = 0; c < out.columnCount(); c++) {
      lastEmitted.column(c).copyRow(out.column(c), row, slot);
    }
    hasEmitted[slot] = true;
  }

  void forgetEmitted(int slot) {
    hasEmitted[slot] = false;
  }

  /** Appends the last emitted row of {@code slot} to {@code out}. */
  int appendEmitted(int slot, Batch out) {
    int row = out.rowCount();
    out.ensureCapacity(row + 1);
    for (int c = 0; c < out.columnCount(); c++) {
      out.column(c).copyRow(lastEmitted.column(c), slot, row);
    }
    out.setRowCount(row + 1);
    return row;
  }

  /** Whether row {@code row} of {@code out} equals what {@code slot} last emitted (NaN equals NaN). */
  boolean sameAsEmitted(int slot, Batch out, int row, int ignoreColumn) {
    for (int c = 0; c < out.columnCount(); c++) {
      if (c == ignoreColumn) {
        continue;
      }
      Column a = out.column(c);
      Column b = lastEmitted.column(c);
      if (a.nulls[row] != b.nulls[slot]) {
        return false;
      }
      if (a.nulls[row]) {
        continue;
      }
      boolean same;
      if (a instanceof LongColumn la) {
        same = la.values[row] == ((LongColumn) b).values[slot];
      } else if (a instanceof DoubleColumn da) {
        same = Double.compare(da.values[row], ((DoubleColumn) b).values[slot]) == 0;
      } else {
        same = Objects.deepEquals(((ObjectColumn) a).values[row], ((ObjectColumn) b).values[slot]);
      }
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** Drops the group: its slot may be reused. */
  void release(int slot) {
    for (Accumulator a : accumulators) {
      a.clear(slot);
    }
    netWeight[slot] = 0;
    hasEmitted[slot] = false;
    groups.remove(slot);
  }

  /**
   * Writes every live group: old slot, window start, key, net weight, accumulators and last emitted row.
   */
  void snapshot(java.io.DataOutput out) throws java.io.IOException {
    int[] live = groups.liveSlots();
    Batch keys = groups.keyStore();
    out.writeInt(live.length);
    for (int slot : live) {
      out.writeInt(slot);
      out.writeLong(groups.windowStart(slot));
      io.laminardb.core.state.ColumnCodec.writeRow(keys, slot, out);
      out.writeLong(netWeight[slot]);
      for (Accumulator a : accumulators) {
        a.snapshot(slot, out);
      }
      out.writeBoolean(hasEmitted[slot]);
      if (hasEmitted[slot]) {
        io.laminardb.core.state.ColumnCodec.writeRow(lastEmitted, slot, out);
      }
    }
  }

  /**
   * Reads groups written by {@link #snapshot} into this (empty) state; returns old slot to new slot
   * (-1 for slots that were not live).
   */
  int[] restore(java.io.DataInput in) throws java.io.IOException {
    int count = in.readInt();
    Batch keys = new Batch(groups.keyStore().schema(), 1);
    int[] mapping = new int[16];
    java.util.Arrays.fill(mapping, -1);
    for (int i = 0; i < count; i++) {
      int oldSlot = in.readInt();
      long windowStart = in.readLong();
      io.laminardb.core.state.ColumnCodec.readRow(keys, 0, in);
      keys.setRowCount(1);
      int slot = groups.findOrInsertStored(keys, 0, windowStart);
      ensureSlots();
      initSlot(slot);
      netWeight[slot] = in.readLong();
      for (Accumulator a : accumulators) {
        a.restore(slot, in);
      }
      hasEmitted[slot] = in.readBoolean();
      if (hasEmitted[slot]) {
        io.laminardb.core.state.ColumnCodec.readRow(lastEmitted, slot, in);
      }
      if (oldSlot >= mapping.length) {
        int old = mapping.length;
        mapping = java.util.Arrays.copyOf(mapping, Math.max(oldSlot + 1, old * 2));
        java.util.Arrays.fill(mapping, old, mapping.length, -1);
      }
      mapping[oldSlot] = slot;
    }
    return mapping;
  }

  long sizeBytes() {
    long bytes = 64L * groups.size();
    for (Accumulator a : accumulators) {
      bytes += a.sizeBytes(groups.size());
    }
    return bytes;
  }
}
