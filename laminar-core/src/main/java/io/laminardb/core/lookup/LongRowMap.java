package io.laminardb.core.lookup;

/** Open-addressing map from a primitive long key to a row, so probes by integer keys allocate nothing. */
final class LongRowMap {
  private long[] keys = new long[16];
  private Object[][] rows = new Object[16][];
  private int size;

  int size() {
    return size;
  }

  Object[] get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      Object[] row = rows[i];
      if (row == null) {
        return null;
      }
      if (keys[i] == key) {
        return row;
      }
    }
  }

  void put(long key, Object[] row) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (rows[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (rows[i] == null) {
      size++;
    }
    keys[i] = key;
    rows[i] = row;
  }

  void remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (rows[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (rows[i] == null) {
      return;
    }
    rows[i] = null;
    size--;
    // Re-insert the rest of the cluster so linear probing still finds every key.
    for (int j = (i + 1) & mask; rows[j] != null; j = (j + 1) & mask) {
      long k = keys[j];
      Object[] r = rows[j];
      rows[j] = null;
      size--;
      put(k, r);
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[][] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new Object[oldKeys.length * 2][];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldRows[i] != null) {
        put(oldKeys[i], oldRows[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  void forEach(java.util.function.Consumer<Object[]> action) {
    for (Object[] row : rows) {
      if (row != null) {
        action.accept(row);
      }
    }
  }
}
