package io.laminardb.core.operator.aggregate;

/**
 * An open-addressing map from long to a non-zero signed count (linear probing, backward-shift deletion). A
 * zero count marks a free cell, so every long is a valid key. Used by COUNT(DISTINCT) over long- and
 * double-stored values: no boxing, and an entry disappears when its count returns to 0.
 */
final class LongCountMap {
  private static final int MIN_CAPACITY = 8;

  private long[] keys;
  private long[] counts;
  private int mask;
  private int size;

  LongCountMap() {
    keys = new long[MIN_CAPACITY];
    counts = new long[MIN_CAPACITY];
    mask = MIN_CAPACITY - 1;
  }

  /** Number of keys with a non-zero count. */
  int size() {
    return size;
  }

  /** Cells in the table, for size estimates and iteration. */
  int capacity() {
    return keys.length;
  }

  /** Count at cell {@code index}; 0 when the cell is free. */
  long countAt(int index) {
    return counts[index];
  }

  long keyAt(int index) {
    return keys[index];
  }

  long get(long key) {
    for (int i = home(key); counts[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return counts[i];
      }
    }
    return 0;
  }

  /** Adds {@code delta} to the count of {@code key}, removing the key when its count becomes 0. */
  void add(long key, long delta) {
    if (delta == 0) {
      return;
    }
    int i = home(key);
    while (counts[i] != 0) {
      if (keys[i] == key) {
        if ((counts[i] += delta) == 0) {
          remove(i);
        }
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    counts[i] = delta;
    if (++size * 4 > keys.length * 3) {
      rehash(keys.length * 2);
    }
  }

  private int home(long key) {
    return (int) ValueHash.mix(key) & mask;
  }

  /** Frees cell {@code hole}, shifting back later entries of the same probe run. */
  private void remove(int hole) {
    size--;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      if (counts[i] == 0) {
        break;
      }
      int home = home(keys[i]);
      // the entry at i may move into the hole unless its home lies cyclically in (hole, i]
      boolean isHomeBetween = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!isHomeBetween) {
        keys[hole] = keys[i];
        counts[hole] = counts[i];
        hole = i;
      }
    }
    counts[hole] = 0;
    keys[hole] = 0;
  }

  private void rehash(int newCapacity) {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[newCapacity];
    counts = new long[newCapacity];
    mask = newCapacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldCounts[j] != 0) {
        int i = home(oldKeys[j]);
        while (counts[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}
