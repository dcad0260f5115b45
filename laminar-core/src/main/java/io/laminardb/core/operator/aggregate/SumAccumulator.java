package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.operator.aggregate.ResultWriter.Int128;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * SUM, NULL while the group has no non-NULL input (the weighted non-NULL count is tracked, so a group whose
 * inputs were all retracted is NULL again).
 *
 * <ul>
 *   <li>Integers (and intervals): an exact 128-bit running sum, so the result does not depend on the order
 *       of additions, retractions and merges; a result outside BIGINT fails with LDB-7001 when written.
 *   <li>FLOAT/DOUBLE: a double running sum in arrival order. NaN and infinities are counted apart from the
 *       finite sum so that retracting them is exact; the sum restarts from 0 whenever the non-NULL count
 *       returns to 0, so rounding residue of retracted rows does not survive an empty group.
 *   <li>DECIMAL: an exact BigDecimal sum (this path allocates).
 * </ul>
 */
class SumAccumulator extends AbstractAccumulator {
  final TypeKind.Storage storage;
  long[] nonNullCounts = new long[0];
  // LONG storage: the 128-bit sum (high, low)
  long[] lows;
  long[] highs;
  // DOUBLE storage: the finite sum, and counts of NaN / +Inf / -Inf created on first sight
  double[] doubleSums;
  long[] nanCounts;
  long[] positiveInfinityCounts;
  long[] negativeInfinityCounts;
  // OBJECT storage: null means zero
  BigDecimal[] decimalSums;

  SumAccumulator(AccumulatorSpec spec) {
    super(spec);
    TypeKind kind = spec.argumentType().kind();
    if (!kind.isNumeric() && kind != TypeKind.INTERVAL_DAY_TIME && kind != TypeKind.INTERVAL_YEAR_MONTH) {
      throw unsupportedType(spec.kind(), spec.argumentType());
    }
    this.storage = kind.storage();
    switch (storage) {
      case LONG -> {
        lows = new long[0];
        highs = new long[0];
      }
      case DOUBLE -> doubleSums = new double[0];
      case OBJECT -> decimalSums = new BigDecimal[0];
    }
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    nonNullCounts = Arrays.copyOf(nonNullCounts, newCapacity);
    switch (storage) {
      case LONG -> {
        lows = Arrays.copyOf(lows, newCapacity);
        highs = Arrays.copyOf(highs, newCapacity);
      }
      case DOUBLE -> {
        doubleSums = Arrays.copyOf(doubleSums, newCapacity);
        if (nanCounts != null) {
          growNonFinite(newCapacity);
        }
      }
      case OBJECT -> decimalSums = Arrays.copyOf(decimalSums, newCapacity);
    }
  }

  private void growNonFinite(int newCapacity) {
    nanCounts = nanCounts == null ? new long[newCapacity] : Arrays.copyOf(nanCounts, newCapacity);
    positiveInfinityCounts = positiveInfinityCounts == null
        ? new long[newCapacity] : Arrays.copyOf(positiveInfinityCounts, newCapacity);
    negativeInfinityCounts = negativeInfinityCounts == null
        ? new long[newCapacity] : Arrays.copyOf(negativeInfinityCounts, newCapacity);
  }

  @Override
  public void clear(int slot) {
    nonNullCounts[slot] = 0;
    switch (storage) {
      case LONG -> {
        lows[slot] = 0;
        highs[slot] = 0;
      }
      case DOUBLE -> {
        doubleSums[slot] = 0;
        if (nanCounts != null) {
          nanCounts[slot] = 0;
          positiveInfinityCounts[slot] = 0;
          negativeInfinityCounts[slot] = 0;
        }
      }
      case OBJECT -> decimalSums[slot] = null;
    }
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    switch (storage) {
      case LONG -> addLongs(batch.longColumn(argumentColumn), slots, rowCount, weights, include, filter);
      case DOUBLE -> addDoubles(batch.doubleColumn(argumentColumn), slots, rowCount, weights, include, filter);
      case OBJECT -> addDecimals(batch.objectColumn(argumentColumn), slots, rowCount, weights, include, filter);
    }
  }

  private void addLongs(LongColumn column, int[] slots, int rowCount, long[] weights, boolean[] include,
      LongColumn filter) {
    long[] values = column.values;
    boolean[] nulls = column.nulls;
    long[] counts = nonNullCounts;
    long[] lo = lows;
    long[] hi = highs;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      long v = values[r];
      long addHigh;
      long addLow;
      if (weights == null) {
        addHigh = v >> 63;
        addLow = v;
        counts[slot]++;
      } else {
        long w = weights[r];
        addHigh = Math.multiplyHigh(v, w);
        addLow = v * w;
        counts[slot] += w;
      }
      long a = lo[slot];
      long sum = a + addLow;
      lo[slot] = sum;
      hi[slot] += addHigh + Int128.carry(a, addLow, sum);
    }
  }

  private void addDoubles(DoubleColumn column, int[] slots, int rowCount, long[] weights, boolean[] include,
      LongColumn filter) {
    double[] values = column.values;
    boolean[] nulls = column.nulls;
    long[] counts = nonNullCounts;
    double[] sums = doubleSums;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      double v = values[r];
      long w = weights == null ? 1 : weights[r];
      if (!Double.isFinite(v)) {
        addNonFinite(slot, v, w);
      } else if (weights == null) {
        sums[slot] += v;
      } else {
        sums[slot] += v * w;
      }
      if ((counts[slot] += w) == 0) {
        sums[slot] = 0;
      }
    }
  }

  private void addNonFinite(int slot, double v, long w) {
    if (nanCounts == null) {
      growNonFinite(capacity);
    }
    if (Double.isNaN(v)) {
      nanCounts[slot] += w;
    } else if (v > 0) {
      positiveInfinityCounts[slot] += w;
    } else {
      negativeInfinityCounts[slot] += w;
    }
  }

  private void addDecimals(ObjectColumn column, int[] slots, int rowCount, long[] weights, boolean[] include,
      LongColumn filter) {
    Object[] values = column.values;
    boolean[] nulls = column.nulls;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      BigDecimal v = (BigDecimal) values[r];
      long w = weights == null ? 1 : weights[r];
      BigDecimal term = w == 1 ? v : w == -1 ? v.negate() : v.multiply(BigDecimal.valueOf(w));
      BigDecimal sum = decimalSums[slot];
      decimalSums[slot] = sum == null ? term : sum.add(term);
      nonNullCounts[slot] += w;
    }
  }

  @Override
  public void merge(int target, int source) {
    nonNullCounts[target] += nonNullCounts[source];
    switch (storage) {
      case LONG -> {
        long a = lows[target];
        long b = lows[source];
        long sum = a + b;
        lows[target] = sum;
        highs[target] += highs[source] + Int128.carry(a, b, sum);
      }
      case DOUBLE -> {
        doubleSums[target] = nonNullCounts[target] == 0 ? 0 : doubleSums[target] + doubleSums[source];
        if (nanCounts != null) {
          nanCounts[target] += nanCounts[source];
          positiveInfinityCounts[target] += positiveInfinityCounts[source];
          negativeInfinityCounts[target] += negativeInfinityCounts[source];
        }
      }
      case OBJECT -> {
        BigDecimal s = decimalSums[source];
        if (s != null) {
          BigDecimal t = decimalSums[target];
          decimalSums[target] = t == null ? s : t.add(s);
        }
      }
    }
  }

  /** The double sum of a DOUBLE-storage slot, NaN and infinities included. */
  final double doubleSum(int slot) {
    if (nanCounts != null) {
      boolean hasPositive = positiveInfinityCounts[slot] != 0;
      boolean hasNegative = negativeInfinityCounts[slot] != 0;
      if (nanCounts[slot] != 0 || (hasPositive && hasNegative)) {
        return Double.NaN;
      }
      if (hasPositive) {
        return Double.POSITIVE_INFINITY;
      }
      if (hasNegative) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    return doubleSums[slot];
  }

  final BigDecimal decimalSum(int slot) {
    BigDecimal sum = decimalSums[slot];
    return sum == null ? BigDecimal.ZERO : sum;
  }

  @Override
  public void write(int slot, Column out, int row) {
    if (nonNullCounts[slot] <= 0) {
      ResultWriter.writeNull(out, row);
      return;
    }
    switch (storage) {
      case LONG -> ResultWriter.writeInt128(highs[slot], lows[slot], resultType(), out, row);
      case DOUBLE -> ResultWriter.writeDouble(doubleSum(slot), resultType(), out, row);
      case OBJECT -> ResultWriter.writeDecimal(decimalSum(slot), resultType(), out, row);
    }
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    out.writeLong(nonNullCounts[slot]);
    switch (storage) {
      case LONG -> {
        out.writeLong(highs[slot]);
        out.writeLong(lows[slot]);
      }
      case DOUBLE -> {
        out.writeDouble(doubleSums[slot]);
        out.writeLong(nanCounts == null ? 0 : nanCounts[slot]);
        out.writeLong(nanCounts == null ? 0 : positiveInfinityCounts[slot]);
        out.writeLong(nanCounts == null ? 0 : negativeInfinityCounts[slot]);
      }
      case OBJECT -> StoredValues.write(out, decimalSums[slot]);
    }
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    nonNullCounts[slot] = in.readLong();
    switch (storage) {
      case LONG -> {
        highs[slot] = in.readLong();
        lows[slot] = in.readLong();
      }
      case DOUBLE -> {
        doubleSums[slot] = in.readDouble();
        long nan = in.readLong();
        long positive = in.readLong();
        long negative = in.readLong();
        if (nan != 0 || positive != 0 || negative != 0 || nanCounts != null) {
          if (nanCounts == null) {
            growNonFinite(capacity);
          }
          nanCounts[slot] = nan;
          positiveInfinityCounts[slot] = positive;
          negativeInfinityCounts[slot] = negative;
        }
      }
      case OBJECT -> decimalSums[slot] = (BigDecimal) StoredValues.read(in);
    }
  }

  @Override
  public long sizeBytes(int slots) {
    long perSlot = switch (storage) {
      case LONG -> 24;
      case DOUBLE -> nanCounts == null ? 16 : 40;
      case OBJECT -> 8 + 8 + 48; // reference plus a typical small BigDecimal
    };
    return perSlot * slots;
  }
}
