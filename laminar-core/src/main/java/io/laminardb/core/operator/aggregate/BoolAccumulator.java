package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * BOOL_AND / BOOL_OR over a BOOLEAN argument (LONG storage, 0 or 1). The state is the weighted count of true
 * and of false inputs, so retraction is exact: BOOL_AND is false while any false input is present, BOOL_OR
 * true while any true input is present; NULL inputs are ignored and a group without inputs is NULL.
 */
final class BoolAccumulator extends AbstractAccumulator {
  private final boolean isAnd;
  private long[] trueCounts = new long[0];
  private long[] falseCounts = new long[0];

  BoolAccumulator(AccumulatorSpec spec) {
    super(spec);
    if (spec.argumentType().kind() != TypeKind.BOOLEAN) {
      throw unsupportedType(spec.kind(), spec.argumentType());
    }
    this.isAnd = spec.kind() == AggregateKind.BOOL_AND;
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    trueCounts = Arrays.copyOf(trueCounts, newCapacity);
    falseCounts = Arrays.copyOf(falseCounts, newCapacity);
  }

  @Override
  public void clear(int slot) {
    trueCounts[slot] = 0;
    falseCounts[slot] = 0;
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    LongColumn column = batch.longColumn(argumentColumn);
    long[] values = column.values;
    boolean[] nulls = column.nulls;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      long weight = weights == null ? 1 : weights[r];
      if (values[r] != 0) {
        trueCounts[slot] += weight;
      } else {
        falseCounts[slot] += weight;
      }
    }
  }

  @Override
  public void merge(int target, int source) {
    trueCounts[target] += trueCounts[source];
    falseCounts[target] += falseCounts[source];
  }

  @Override
  public void write(int slot, Column out, int row) {
    boolean hasTrue = trueCounts[slot] > 0;
    boolean hasFalse = falseCounts[slot] > 0;
    if (!hasTrue && !hasFalse) {
      ResultWriter.writeNull(out, row);
      return;
    }
    boolean result = isAnd ? !hasFalse : hasTrue;
    ResultWriter.writeLong(result ? 1 : 0, resultType(), out, row);
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    out.writeLong(trueCounts[slot]);
    out.writeLong(falseCounts[slot]);
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    trueCounts[slot] = in.readLong();
    falseCounts[slot] = in.readLong();
  }

  @Override
  public long sizeBytes(int slots) {
    return 16L * slots;
  }
}
