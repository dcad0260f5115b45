package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.LongColumn;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** COUNT(*) adds the weight of every row; COUNT(x) adds the weight of rows where x is not NULL. Never NULL. */
final class CountAccumulator extends AbstractAccumulator {
  private final boolean isCountStar;
  private long[] counts = new long[0];

  CountAccumulator(AccumulatorSpec spec, boolean isCountStar) {
    super(spec);
    this.isCountStar = isCountStar;
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    counts = Arrays.copyOf(counts, newCapacity);
  }

  @Override
  public void clear(int slot) {
    counts[slot] = 0;
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    boolean[] nulls = isCountStar ? null : batch.column(argumentColumn).nulls;
    long[] c = counts;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || (nulls != null && nulls[r])) {
        continue;
      }
      c[slot] += weights == null ? 1 : weights[r];
    }
  }

  @Override
  public void merge(int target, int source) {
    counts[target] += counts[source];
  }

  @Override
  public void write(int slot, Column out, int row) {
    ResultWriter.writeLong(counts[slot], resultType(), out, row);
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    out.writeLong(counts[slot]);
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    counts[slot] = in.readLong();
  }

  @Override
  public long sizeBytes(int slots) {
    return 8L * slots;
  }
}
