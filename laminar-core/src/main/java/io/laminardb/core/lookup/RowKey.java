package io.laminardb.core.lookup;

import java.util.Arrays;

/** A key over an Object[]; the probe instance is re-pointed per lookup, stored instances never change. */
final class RowKey {
  private Object[] values;
  private int hash;

  RowKey(Object[] values) {
    set(values);
  }

  void set(Object[] values) {
    this.values = values;
    this.hash = values == null ? 0 : Arrays.deepHashCode(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowKey k && k.hash == hash && Arrays.deepEquals(k.values, values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
