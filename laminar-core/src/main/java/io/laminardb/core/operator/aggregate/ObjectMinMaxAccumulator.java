package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * MIN/MAX over object-stored values (VARCHAR, DECIMAL, BINARY) in the order of {@link StoredValues#ORDER}.
 * Same two representations (summary or multiset) and the same rule for choosing between them as
 * {@link MinMaxAccumulator}; see there. Values are kept by reference: they are immutable once in a batch.
 */
final class ObjectMinMaxAccumulator extends AbstractAccumulator {
  private final boolean isMax;
  private long[] counts = new long[0];
  private Object[] extremes = new Object[0];
  private long[] extremeCounts = new long[0];
  private CountedMultiset<Object>[] multisets;

  ObjectMinMaxAccumulator(AccumulatorSpec spec) {
    super(spec);
    this.isMax = spec.kind() == AggregateKind.MAX;
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    counts = Arrays.copyOf(counts, newCapacity);
    extremes = Arrays.copyOf(extremes, newCapacity);
    extremeCounts = Arrays.copyOf(extremeCounts, newCapacity);
    if (multisets != null) {
      multisets = Arrays.copyOf(multisets, newCapacity);
    }
  }

  @SuppressWarnings("unchecked")
  private void enableMultisets() {
    if (multisets == null) {
      multisets = new CountedMultiset[capacity];
    }
  }

  @Override
  public void clear(int slot) {
    counts[slot] = 0;
    extremes[slot] = null;
    extremeCounts[slot] = 0;
    if (multisets != null) {
      multisets[slot] = null;
    }
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    ObjectColumn column = batch.objectColumn(argumentColumn);
    Object[] values = column.values;
    boolean[] nulls = column.nulls;
    if (weights != null) {
      enableMultisets();
    }
    CountedMultiset<Object>[] sets = multisets;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      Object value = values[r];
      long weight = weights == null ? 1 : weights[r];
      if (weight == 0) {
        continue;
      }
      CountedMultiset<Object> set = sets == null ? null : sets[slot];
      if (set == null && weights != null && counts[slot] == 0) {
        set = new CountedMultiset<>(StoredValues.ORDER);
        sets[slot] = set;
      }
      if (set != null) {
        set.add(value, weight);
        counts[slot] += weight;
      } else if (weight > 0) {
        insertIntoSummary(slot, value, weight);
      } else {
        retractFromSummary(slot, value, weight);
      }
    }
  }

  private void insertIntoSummary(int slot, Object value, long weight) {
    long count = counts[slot];
    int order = count <= 0 ? 0 : StoredValues.ORDER.compare(value, extremes[slot]);
    if (count <= 0 || (isMax ? order > 0 : order < 0)) {
      extremes[slot] = value;
      extremeCounts[slot] = weight;
    } else if (order == 0) {
      extremeCounts[slot] += weight;
    }
    counts[slot] = count + weight;
  }

  private void retractFromSummary(int slot, Object value, long weight) {
    long count = counts[slot] + weight;
    counts[slot] = count;
    if (count <= 0) {
      extremes[slot] = null;
      extremeCounts[slot] = 0;
    } else if (StoredValues.ORDER.compare(value, extremes[slot]) == 0) {
      extremeCounts[slot] += weight; // at 0 the extreme is unknown until a value at least as good arrives
    }
  }

  @Override
  public void merge(int target, int source) {
    CountedMultiset<Object> sourceSet = multisets == null ? null : multisets[source];
    CountedMultiset<Object> targetSet = multisets == null ? null : multisets[target];
    long sourceCount = counts[source];
    if (sourceCount == 0) {
      return;
    }
    if (sourceSet != null && targetSet != null) {
      targetSet.addAll(sourceSet);
      counts[target] += sourceCount;
    } else if (sourceSet != null && counts[target] == 0) {
      multisets[target] = sourceSet.copy();
      counts[target] = sourceCount;
    } else {
      if (targetSet != null) {
        toSummary(target);
      }
      Object sourceExtreme = sourceSet == null ? extremes[source] : sourceSet.extreme(isMax);
      long sourceExtremeCount = sourceSet == null ? extremeCounts[source] : sourceSet.countOf(sourceExtreme);
      insertIntoSummary(target, sourceExtreme, sourceExtremeCount);
      counts[target] += sourceCount - sourceExtremeCount;
    }
  }

  private void toSummary(int slot) {
    CountedMultiset<Object> set = multisets[slot];
    multisets[slot] = null;
    if (!set.isEmpty()) {
      Object extreme = set.extreme(isMax);
      extremes[slot] = extreme;
      extremeCounts[slot] = set.countOf(extreme);
    } else {
      extremes[slot] = null;
      extremeCounts[slot] = 0;
    }
  }

  @Override
  public void write(int slot, Column out, int row) {
    CountedMultiset<Object> set = multisets == null ? null : multisets[slot];
    if (counts[slot] <= 0 || (set != null && set.isEmpty())) {
      ResultWriter.writeNull(out, row);
      return;
    }
    if (set == null && extremeCounts[slot] <= 0) {
      throw MinMaxAccumulator.lostHistory(spec.kind());
    }
    ResultWriter.writeStored(set == null ? extremes[slot] : set.extreme(isMax), resultType(), out, row);
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    CountedMultiset<Object> set = multisets == null ? null : multisets[slot];
    out.writeLong(counts[slot]);
    out.writeBoolean(set != null);
    if (set != null) {
      set.write(out);
    } else {
      StoredValues.write(out, extremes[slot]);
      out.writeLong(extremeCounts[slot]);
    }
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    clear(slot);
    counts[slot] = in.readLong();
    if (in.readBoolean()) {
      enableMultisets();
      multisets[slot] = CountedMultiset.read(in, StoredValues.ORDER);
    } else {
      extremes[slot] = StoredValues.read(in);
      extremeCounts[slot] = in.readLong();
    }
  }

  @Override
  public long sizeBytes(int slots) {
    long bytes = 64L * slots; // arrays plus a typical small value held by reference
    if (multisets != null) {
      bytes += 8L * slots;
      int n = Math.min(slots, capacity);
      for (int i = 0; i < n; i++) {
        if (multisets[i] != null) {
          bytes += 48 + (long) CountedMultiset.ENTRY_BYTES * multisets[i].distinctCount();
        }
      }
    }
    return bytes;
  }
}
