package io.laminardb.core.operator.aggregate;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sorted multiset with signed multiplicities: value to count, an entry disappearing when its count returns
 * to 0. MIN/MAX keep one per group of a changelog input so that retracting the current extreme finds the
 * next one in O(log n). Allocates (boxing, tree nodes): it is only used on the changelog path.
 */
final class CountedMultiset<K> {
  /** Approximate heap bytes of one entry: tree node, boxed key, count array. */
  static final int ENTRY_BYTES = 96;

  private final TreeMap<K, long[]> counts;

  CountedMultiset(Comparator<? super K> order) {
    this.counts = new TreeMap<>(order);
  }

  void add(K value, long weight) {
    long[] count = counts.get(value);
    if (count == null) {
      if (weight != 0) {
        counts.put(value, new long[] {weight});
      }
    } else if ((count[0] += weight) == 0) {
      counts.remove(value);
    }
  }

  void addAll(CountedMultiset<K> other) {
    for (Map.Entry<K, long[]> e : other.counts.entrySet()) {
      add(e.getKey(), e.getValue()[0]);
    }
  }

  CountedMultiset<K> copy() {
    CountedMultiset<K> copy = new CountedMultiset<>(counts.comparator());
    copy.addAll(this);
    return copy;
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  int distinctCount() {
    return counts.size();
  }

  /** The smallest ({@code isLast == false}) or largest value. */
  K extreme(boolean isLast) {
    return isLast ? counts.lastKey() : counts.firstKey();
  }

  long countOf(K value) {
    long[] count = counts.get(value);
    return count == null ? 0 : count[0];
  }

  /** Writes the entries in order; values through {@link StoredValues}. */
  void write(DataOutput out) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<K, long[]> e : counts.entrySet()) {
      StoredValues.write(out, e.getKey());
      out.writeLong(e.getValue()[0]);
    }
  }

  @SuppressWarnings("unchecked")
  static <K> CountedMultiset<K> read(DataInput in, Comparator<? super K> order) throws IOException {
    CountedMultiset<K> set = new CountedMultiset<>(order);
    int size = in.readInt();
    for (int i = 0; i < size; i++) {
      K value = (K) StoredValues.read(in);
      set.add(value, in.readLong());
    }
    return set;
  }
}
