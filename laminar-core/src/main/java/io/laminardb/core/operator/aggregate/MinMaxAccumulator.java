package io.laminardb.core.operator.aggregate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * MIN/MAX over values stored in long or double columns. Doubles are compared through
 * {@link StoredValues#sortableLong}, the total order of {@link Double#compare} (-0.0 &lt; 0.0, NaN largest),
 * so both storages share one long-keyed implementation.
 *
 * <p>Every group has one of two representations:
 *
 * <ul>
 *   <li><b>summary</b> (the allocation-free fast path): the current extreme, its multiplicity and the
 *       weighted non-NULL count. This is exact for inserts, and for retractions that do not remove the last
 *       copy of the extreme.
 *   <li><b>multiset</b>: a {@link CountedMultiset} of every value still present, so any retraction is exact.
 * </ul>
 *
 * <p>Choice of representation: a group that is empty when it receives a row through an {@code add} call
 * with a weights array (a changelog input) keeps a multiset from that row on; a group fed without weights
 * keeps the summary. A multiset cannot be created at the first retraction, because by then the values below
 * the extreme are no longer known. Merging a summary group into a multiset group (or the reverse) yields a
 * summary.
 *
 * <p>When a retraction removes the last copy of a summary's extreme while other values remain, the extreme
 * is unknown (multiplicity 0). The group recovers if it empties or receives a value at least as good as the
 * old extreme (every remaining value is worse); writing it while unknown fails with LDB-8001. An operator
 * that passes weights for every batch of a changelog input never gets there.
 */
final class MinMaxAccumulator extends AbstractAccumulator {
  private static final Comparator<Long> ORDER = Long::compare;

  private final boolean isMax;
  private final boolean isDouble;
  private long[] counts = new long[0];
  private long[] extremes = new long[0];
  private long[] extremeCounts = new long[0];
  /** Null until the first weighted add; then per slot null (summary) or the group's multiset. */
  private CountedMultiset<Long>[] multisets;

  MinMaxAccumulator(AccumulatorSpec spec) {
    super(spec);
    this.isMax = spec.kind() == AggregateKind.MAX;
    this.isDouble = spec.argumentType().storage() == TypeKind.Storage.DOUBLE;
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
    extremes[slot] = 0;
    extremeCounts[slot] = 0;
    if (multisets != null) {
      multisets[slot] = null;
    }
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    Column column = batch.column(argumentColumn);
    boolean[] nulls = column.nulls;
    long[] longValues = isDouble ? null : batch.longColumn(argumentColumn).values;
    double[] doubleValues = isDouble ? batch.doubleColumn(argumentColumn).values : null;
    if (weights != null) {
      enableMultisets();
    }
    CountedMultiset<Long>[] sets = multisets;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      long key = isDouble ? StoredValues.sortableLong(doubleValues[r]) : longValues[r];
      if (weights == null) {
        if (sets != null && sets[slot] != null) {
          sets[slot].add(key, 1);
          counts[slot]++;
        } else {
          insertIntoSummary(slot, key, 1);
        }
      } else {
        addWeighted(sets, slot, key, weights[r]);
      }
    }
  }

  private void addWeighted(CountedMultiset<Long>[] sets, int slot, long key, long weight) {
    if (weight == 0) {
      return;
    }
    CountedMultiset<Long> set = sets[slot];
    if (set == null && counts[slot] == 0) {
      set = new CountedMultiset<>(ORDER);
      sets[slot] = set;
    }
    if (set != null) {
      set.add(key, weight);
      counts[slot] += weight;
    } else if (weight > 0) {
      insertIntoSummary(slot, key, weight);
    } else {
      retractFromSummary(slot, key, weight);
    }
  }

  private void insertIntoSummary(int slot, long key, long weight) {
    long count = counts[slot];
    if (count <= 0 || (isMax ? key > extremes[slot] : key < extremes[slot])) {
      extremes[slot] = key;
      extremeCounts[slot] = weight;
    } else if (key == extremes[slot]) {
      extremeCounts[slot] += weight;
    }
    counts[slot] = count + weight;
  }

  private void retractFromSummary(int slot, long key, long weight) {
    long count = counts[slot] + weight;
    counts[slot] = count;
    if (count <= 0) {
      extremeCounts[slot] = 0;
    } else if (key == extremes[slot]) {
      extremeCounts[slot] += weight; // at 0 the extreme is unknown until a value at least as good arrives
    }
  }

  static LaminarException lostHistory(AggregateKind kind) {
    return new LaminarException(ErrorCode.INTERNAL, kind + " lost the extreme of a group fed without weights"
        + " to a retraction; pass weights for every batch of a changelog input");
  }

  @Override
  public void merge(int target, int source) {
    CountedMultiset<Long> sourceSet = multisets == null ? null : multisets[source];
    CountedMultiset<Long> targetSet = multisets == null ? null : multisets[target];
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
      long sourceExtreme = sourceSet == null ? extremes[source] : sourceSet.extreme(isMax);
      long sourceExtremeCount = sourceSet == null ? extremeCounts[source] : sourceSet.countOf(sourceExtreme);
      insertIntoSummary(target, sourceExtreme, sourceExtremeCount);
      counts[target] += sourceCount - sourceExtremeCount;
    }
  }

  private void toSummary(int slot) {
    CountedMultiset<Long> set = multisets[slot];
    multisets[slot] = null;
    if (!set.isEmpty()) {
      long extreme = set.extreme(isMax);
      extremes[slot] = extreme;
      extremeCounts[slot] = set.countOf(extreme);
    } else {
      extremeCounts[slot] = 0;
    }
  }

  @Override
  public void write(int slot, Column out, int row) {
    CountedMultiset<Long> set = multisets == null ? null : multisets[slot];
    if (counts[slot] <= 0 || (set != null && set.isEmpty())) {
      ResultWriter.writeNull(out, row);
      return;
    }
    if (set == null && extremeCounts[slot] <= 0) {
      throw lostHistory(spec.kind());
    }
    long key = set == null ? extremes[slot] : set.extreme(isMax);
    if (isDouble) {
      ResultWriter.writeDouble(StoredValues.fromSortableLong(key), resultType(), out, row);
    } else {
      ResultWriter.writeLong(key, resultType(), out, row);
    }
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    CountedMultiset<Long> set = multisets == null ? null : multisets[slot];
    out.writeLong(counts[slot]);
    out.writeBoolean(set != null);
    if (set != null) {
      set.write(out);
    } else {
      out.writeLong(extremes[slot]);
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
      multisets[slot] = CountedMultiset.read(in, ORDER);
    } else {
      extremes[slot] = in.readLong();
      extremeCounts[slot] = in.readLong();
    }
  }

  @Override
  public long sizeBytes(int slots) {
    long bytes = 24L * slots;
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
