package io.laminardb.core.batch;

import java.util.Arrays;

/** Strings, decimals, byte arrays and JSON text. A null flag is kept in step with a null reference. */
public final class ObjectColumn extends Column {
  public Object[] values;

  public ObjectColumn(int capacity) {
    super(capacity);
    this.values = new Object[capacity];
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
    values[row] = storedValue;
    nulls[row] = storedValue == null;
  }

  @Override
  public void copyFrom(Column src, int srcRow, int dstRow, int count) {
    ObjectColumn s = (ObjectColumn) src;
    System.arraycopy(s.values, srcRow, values, dstRow, count);
    System.arraycopy(s.nulls, srcRow, nulls, dstRow, count);
  }

  @Override
  public void copyRow(Column src, int srcRow, int dstRow) {
    ObjectColumn s = (ObjectColumn) src;
    values[dstRow] = s.values[srcRow];
    nulls[dstRow] = s.nulls[srcRow];
  }

  @Override
  public Column newEmpty(int capacity) {
    return new ObjectColumn(capacity);
  }
}
