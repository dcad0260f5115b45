package io.laminardb.core.batch;

import java.util.Arrays;

/** Integers, booleans (0/1), timestamps, dates, times and intervals. */
public final class LongColumn extends Column {
  public long[] values;

  public LongColumn(int capacity) {
    super(capacity);
    this.values = new long[capacity];
  }

  @Override
  void growValues(int newCapacity, int keep) {
    values = Arrays.copyOf(values, newCapacity);
  }

  @Override
  public Object getStored(int row) {
    return nulls[row] ? null : values[row];
  }

  @Override
  public void setStored(int row, Object storedValue) {
    if (storedValue == null) {
      nulls[row] = true;
      values[row] = 0L;
    } else {
      nulls[row] = false;
      values[row] = (Long) storedValue;
    }
  }

  @Override
  public void copyFrom(Column src, int srcRow, int dstRow, int count) {
    LongColumn s = (LongColumn) src;
    System.arraycopy(s.values, srcRow, values, dstRow, count);
    System.arraycopy(s.nulls, srcRow, nulls, dstRow, count);
  }

  @Override
  public void copyRow(Column src, int srcRow, int dstRow) {
    LongColumn s = (LongColumn) src;
    values[dstRow] = s.values[srcRow];
    nulls[dstRow] = s.nulls[srcRow];
  }

  @Override
  public Column newEmpty(int capacity) {
    return new LongColumn(capacity);
  }
}
