package io.laminardb.core.batch;

import java.util.Arrays;

/**
 * One column of a batch: a primitive or object value array plus a null flag per row. Arrays may be longer
 * than the batch's row count; only the first {@code rowCount} entries are meaningful. Hot-path code reads
 * the public arrays directly.
 */
public abstract sealed class Column permits LongColumn, DoubleColumn, ObjectColumn {
  public boolean[] nulls;

  Column(int capacity) {
    this.nulls = new boolean[capacity];
  }

  public final int capacity() {
    return nulls.length;
  }

  /** Grows the arrays (keeping the first {@code keep} rows) so at least {@code capacity} rows fit. */
  public final void ensureCapacity(int capacity, int keep) {
    if (nulls.length < capacity) {
      int newCapacity = Math.max(capacity, nulls.length * 2);
      nulls = Arrays.copyOf(nulls, newCapacity);
      growValues(newCapacity, keep);
    }
  }

  public final boolean isNull(int row) {
    return nulls[row];
  }

  abstract void growValues(int newCapacity, int keep);

  /** The value at {@code row} boxed in its storage form (Long, Double or the object); null for NULL. */
  public abstract Object getStored(int row);

  /** Stores a value given in storage form (Long, Double or object); null for NULL. */
  public abstract void setStored(int row, Object storedValue);

  /** Copies {@code count} rows from {@code src} starting at {@code srcRow} to this column at {@code dstRow}. */
  public abstract void copyFrom(Column src, int srcRow, int dstRow, int count);

  /** Copies one row; same as {@link #copyFrom(Column, int, int, int)} with count 1 but cheaper. */
  public abstract void copyRow(Column src, int srcRow, int dstRow);

  public abstract Column newEmpty(int capacity);
}
