package io.laminardb.core.batch;

import java.util.Arrays;

/** FLOAT and DOUBLE values. */
public final class DoubleColumn extends Column {
  public double[] values;

  public DoubleColumn(int capacity) {
    super(capacity);
    this.values = new double[capacity];
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
      values[row] = 0d;
    } else {
      nulls[row] = false;
      values[row] = (Double) storedValue;
    }
  }

  @Override
  public void copyFrom(Column src, int srcRow, int dstRow, int count) {
    DoubleColumn s = (DoubleColumn) src;
    System.arraycopy(s.values, srcRow, values, dstRow, count);
    System.arraycopy(s.nulls, srcRow, nulls, dstRow, count);
  }

  @Override
  public void copyRow(Column src, int srcRow, int dstRow) {
    DoubleColumn s = (DoubleColumn) src;
    values[dstRow] = s.values[srcRow];
    nulls[dstRow] = s.nulls[srcRow];
  }

  @Override
  public Column newEmpty(int capacity) {
    return new DoubleColumn(capacity);
  }
}
