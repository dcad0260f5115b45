package io.laminardb.core.operator.join;

import io.laminardb.common.collect.IntList;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.state.ColumnCodec;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Rows a join keeps, copied column-wise into primitive arrays and addressed by slot. Freed slots are reused,
 * so a steady stream of inserts and evictions allocates nothing once the arrays have grown.
 */
final class RowArena {
  private final Schema schema;
  private final TypeKind[] kinds;
  final Column[] columns;
  private final IntList free = new IntList();
  private boolean[] live = new boolean[16];
  private int highWater;
  private int liveCount;

  RowArena(Schema schema) {
    this.schema = schema;
    this.columns = new Column[schema.size()];
    this.kinds = new TypeKind[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      kinds[i] = schema.field(i).type().kind();
      columns[i] = switch (schema.field(i).type().storage()) {
        case LONG -> new LongColumn(16);
        case DOUBLE -> new DoubleColumn(16);
        case OBJECT -> new ObjectColumn(16);
      };
    }
  }

  Schema schema() {
    return schema;
  }

  /** Copies row {@code row} of {@code batch} (same layout) into a slot and returns the slot. */
  int add(Batch batch, int row) {
    int slot = allocate();
    for (int c = 0; c < columns.length; c++) {
      columns[c].copyRow(batch.column(c), row, slot);
    }
    return slot;
  }

  private int allocate() {
    int slot;
    if (free.isEmpty()) {
      slot = highWater++;
      if (slot == live.length) {
        int n = live.length * 2;
        live = java.util.Arrays.copyOf(live, n);
        for (Column c : columns) {
          c.ensureCapacity(n, slot);
        }
      }
    } else {
      slot = free.get(free.size() - 1);
      free.removeSwap(free.size() - 1);
    }
    live[slot] = true;
    liveCount++;
    return slot;
  }

  void release(int slot) {
    for (Column c : columns) {
      if (c instanceof ObjectColumn oc) {
        oc.values[slot] = null;
      }
    }
    live[slot] = false;
    liveCount--;
    free.add(slot);
  }

  boolean isLive(int slot) {
    return live[slot];
  }

  /** Slots ever used; live ones are those with {@link #isLive}. */
  int highWater() {
    return highWater;
  }

  int liveCount() {
    return liveCount;
  }

  /** Copies the slot's columns into {@code out} starting at column {@code offset} of row {@code outRow}. */
  void copyTo(int slot, Batch out, int outRow, int offset) {
    for (int c = 0; c < columns.length; c++) {
      out.column(offset + c).copyRow(columns[c], slot, outRow);
    }
  }

  /** Approximate bytes of one kept row (values, null flags and the join's per-row bookkeeping). */
  long bytesPerRow() {
    return 48 + 17L * columns.length;
  }

  void writeRow(int slot, DataOutput out) throws IOException {
    for (int c = 0; c < columns.length; c++) {
      ColumnCodec.write(columns[c], slot, kinds[c], out);
    }
  }

  int readRow(DataInput in) throws IOException {
    int slot = allocate();
    for (int c = 0; c < columns.length; c++) {
      ColumnCodec.read(columns[c], slot, kinds[c], in);
    }
    return slot;
  }
}
