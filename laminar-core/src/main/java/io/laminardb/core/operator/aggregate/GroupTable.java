package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Maps group keys (some columns of input rows, plus an optional window start) to dense slots, the index
 * accumulators use. Open addressing with linear probing and backward-shift deletion; keys are copied into
 * a columnar key store, so looking up an existing group allocates nothing. NULL keys group together.
 */
public final class GroupTable {
  private static final int EMPTY = 0;

  private final int[] keyColumns;
  private final int[] storedColumns;
  private final Batch keys;
  private long[] windowStarts = new long[16];
  private long[] slotHashes = new long[16];
  private int[] table = new int[32];
  private int mask = 31;
  private int size;
  private int highWater;
  private int[] freeSlots = new int[16];
  private int freeCount;
  private boolean lastWasNew;

  /** @param keyColumns input columns forming the key, in key order */
  public GroupTable(Schema inputSchema, int[] keyColumns) {
    this.keyColumns = keyColumns.clone();
    this.storedColumns = new int[keyColumns.length];
    for (int i = 0; i < storedColumns.length; i++) {
      storedColumns[i] = i;
    }
    List<Field> fields = new ArrayList<>();
    for (int c : keyColumns) {
      fields.add(inputSchema.field(c));
    }
    this.keys = new Batch(new Schema(fields), 16);
  }

  public int size() {
    return size;
  }

  /** Slots in use are below this bound (accumulators size themselves to it). */
  public int slotBound() {
    return highWater;
  }

  /** The slot of the group of {@code row} in {@code windowStart} (use 0 when not windowed), creating it. */
  public int findOrInsert(Batch batch, int row, long windowStart) {
    return findOrInsert(batch, row, windowStart, keyColumns);
  }

  /** Like {@link #findOrInsert} for a batch laid out like the key store (key i in column i). */
  public int findOrInsertStored(Batch storedKeys, int row, long windowStart) {
    return findOrInsert(storedKeys, row, windowStart, storedColumns);
  }

  private int findOrInsert(Batch batch, int row, long windowStart, int[] columns) {
    long hash = hash(batch, row, windowStart, columns);
    int pos = (int) hash & mask;
    while (true) {
      int entry = table[pos];
      if (entry == EMPTY) {
        int slot = newSlot();
        copyKey(batch, row, slot, columns);
        windowStarts[slot] = windowStart;
        slotHashes[slot] = hash;
        table[pos] = slot + 1;
        size++;
        lastWasNew = true;
        if (size * 2 > table.length) {
          grow();
        }
        return slot;
      }
      int slot = entry - 1;
      if (slotHashes[slot] == hash && windowStarts[slot] == windowStart && sameKey(batch, row, slot, columns)) {
        lastWasNew = false;
        return slot;
      }
      pos = (pos + 1) & mask;
    }
  }

  /** Whether the last {@link #findOrInsert} created its group. */
  public boolean lastWasNew() {
    return lastWasNew;
  }

  /** The slot of the group of {@code row}, or -1 when there is none (no side effects). */
  public int find(Batch batch, int row, long windowStart) {
    long hash = hash(batch, row, windowStart, keyColumns);
    int pos = (int) hash & mask;
    while (true) {
      int entry = table[pos];
      if (entry == EMPTY) {
        return -1;
      }
      int slot = entry - 1;
      if (slotHashes[slot] == hash && windowStarts[slot] == windowStart
          && sameKey(batch, row, slot, keyColumns)) {
        return slot;
      }
      pos = (pos + 1) & mask;
    }
  }

  /** Frees {@code slot}; it may be handed out again for another group. */
  public void remove(int slot) {
    int pos = (int) slotHashes[slot] & mask;
    while (table[pos] != slot + 1) {
      pos = (pos + 1) & mask;
    }
    // Backward-shift deletion keeps probe sequences intact without tombstones.
    int hole = pos;
    int next = (hole + 1) & mask;
    while (table[next] != EMPTY) {
      int candidate = table[next] - 1;
      int home = (int) slotHashes[candidate] & mask;
      boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (movable) {
        table[hole] = table[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    table[hole] = EMPTY;
    for (int c = 0; c < keys.columnCount(); c++) {
      Column col = keys.column(c);
      if (col instanceof ObjectColumn oc) {
        oc.values[slot] = null;
      }
    }
    size--;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = slot;
  }

  public long windowStart(int slot) {
    return windowStarts[slot];
  }

  /** Copies the key of {@code slot} into {@code out} at {@code outRow}, key column i to out column i+first. */
  public void writeKey(int slot, Batch out, int outRow, int[] outColumns) {
    for (int c = 0; c < outColumns.length; c++) {
      out.column(outColumns[c]).copyRow(keys.column(c), slot, outRow);
    }
  }

  /** The key store (slot = row); for snapshots. */
  public Batch keyStore() {
    return keys;
  }

  private int newSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    int slot = highWater++;
    if (slot >= windowStarts.length) {
      int n = windowStarts.length * 2;
      windowStarts = Arrays.copyOf(windowStarts, n);
      slotHashes = Arrays.copyOf(slotHashes, n);
    }
    keys.ensureCapacity(highWater);
    keys.setRowCount(highWater);
    return slot;
  }

  private void copyKey(Batch batch, int row, int slot, int[] columns) {
    for (int c = 0; c < columns.length; c++) {
      keys.column(c).copyRow(batch.column(columns[c]), row, slot);
    }
  }

  /** Slots currently holding a group, in table order. */
  public int[] liveSlots() {
    int[] live = new int[size];
    int n = 0;
    for (int entry : table) {
      if (entry != EMPTY) {
        live[n++] = entry - 1;
      }
    }
    return live;
  }

  private void grow() {
    int[] old = table;
    table = new int[old.length * 2];
    mask = table.length - 1;
    for (int entry : old) {
      if (entry != EMPTY) {
        int pos = (int) slotHashes[entry - 1] & mask;
        while (table[pos] != EMPTY) {
          pos = (pos + 1) & mask;
        }
        table[pos] = entry;
      }
    }
  }

  private long hash(Batch batch, int row, long windowStart, int[] columns) {
    long h = mix(windowStart);
    for (int keyColumn : columns) {
      Column col = batch.column(keyColumn);
      long v;
      if (col.nulls[row]) {
        v = 0x9E3779B97F4A7C15L;
      } else if (col instanceof LongColumn lc) {
        v = lc.values[row];
      } else if (col instanceof DoubleColumn dc) {
        double d = dc.values[row];
        v = d == 0.0 ? 0L : Double.doubleToLongBits(d);
      } else {
        Object o = ((ObjectColumn) col).values[row];
        v = o instanceof byte[] bytes ? Arrays.hashCode(bytes) : o.hashCode();
      }
      h = mix(h * 31 + v);
    }
    return h;
  }

  private static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private boolean sameKey(Batch batch, int row, int slot, int[] columns) {
    for (int c = 0; c < columns.length; c++) {
      Column in = batch.column(columns[c]);
      Column stored = keys.column(c);
      boolean inNull = in.nulls[row];
      if (inNull != stored.nulls[slot]) {
        return false;
      }
      if (inNull) {
        continue;
      }
      boolean equal;
      if (in instanceof LongColumn lc) {
        equal = lc.values[row] == ((LongColumn) stored).values[slot];
      } else if (in instanceof DoubleColumn dc) {
        double a = dc.values[row];
        double b = ((DoubleColumn) stored).values[slot];
        equal = a == b || (Double.isNaN(a) && Double.isNaN(b));
      } else {
        Object a = ((ObjectColumn) in).values[row];
        Object b = ((ObjectColumn) stored).values[slot];
        equal = a instanceof byte[] x && b instanceof byte[] y ? Arrays.equals(x, y) : Objects.equals(a, b);
      }
      if (!equal) {
        return false;
      }
    }
    return true;
  }
}
