package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * VAR_SAMP, VAR_POP, STDDEV_SAMP and STDDEV_POP in DOUBLE. The state is Welford's (count, mean, M2) with
 * weighted updates, so a negative weight removes a value by the inverse update and two groups merge by
 * Chan's formula; this avoids the cancellation of a sum-of-squares state. NaN and infinite inputs are
 * counted apart (any of them makes the result NaN, and retracting them is exact). The state restarts from
 * zero when the count returns to 0, and M2 is exactly 0 at a count of 1.
 *
 * <p>NULL when the non-NULL count is 0, and for the sample variants when it is 1.
 */
final class VarianceAccumulator extends AbstractAccumulator {
  private final boolean isSample;
  private final boolean isStddev;
  private final TypeKind.Storage storage;
  /** Weighted count of finite values. */
  private long[] counts = new long[0];
  private double[] means = new double[0];
  private double[] squaredDeviations = new double[0];
  /** Weighted count of NaN and infinite values. */
  private long[] nonFiniteCounts = new long[0];

  VarianceAccumulator(AccumulatorSpec spec) {
    super(spec);
    AggregateKind kind = spec.kind();
    if (!spec.argumentType().kind().isNumeric()) {
      throw unsupportedType(kind, spec.argumentType());
    }
    this.isSample = kind == AggregateKind.VAR_SAMP || kind == AggregateKind.STDDEV_SAMP;
    this.isStddev = kind == AggregateKind.STDDEV_SAMP || kind == AggregateKind.STDDEV_POP;
    this.storage = spec.argumentType().storage();
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    counts = Arrays.copyOf(counts, newCapacity);
    means = Arrays.copyOf(means, newCapacity);
    squaredDeviations = Arrays.copyOf(squaredDeviations, newCapacity);
    nonFiniteCounts = Arrays.copyOf(nonFiniteCounts, newCapacity);
  }

  @Override
  public void clear(int slot) {
    counts[slot] = 0;
    means[slot] = 0;
    squaredDeviations[slot] = 0;
    nonFiniteCounts[slot] = 0;
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    Column column = batch.column(argumentColumn);
    boolean[] nulls = column.nulls;
    long[] longs = storage == TypeKind.Storage.LONG ? ((LongColumn) column).values : null;
    double[] doubles = storage == TypeKind.Storage.DOUBLE ? ((DoubleColumn) column).values : null;
    Object[] objects = storage == TypeKind.Storage.OBJECT ? ((ObjectColumn) column).values : null;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      double x = longs != null ? longs[r] : doubles != null ? doubles[r] : ((BigDecimal) objects[r]).doubleValue();
      long weight = weights == null ? 1 : weights[r];
      if (!Double.isFinite(x)) {
        nonFiniteCounts[slot] += weight;
      } else if (weight != 0) {
        update(slot, x, weight);
      }
    }
  }

  private void update(int slot, double x, long weight) {
    long n = counts[slot] + weight;
    counts[slot] = n;
    if (n <= 0) {
      means[slot] = 0;
      squaredDeviations[slot] = 0;
      return;
    }
    double mean = means[slot];
    double delta = x - mean;
    double newMean = mean + delta * weight / n;
    means[slot] = newMean;
    squaredDeviations[slot] = n == 1 ? 0 : squaredDeviations[slot] + weight * delta * (x - newMean);
  }

  @Override
  public void merge(int target, int source) {
    nonFiniteCounts[target] += nonFiniteCounts[source];
    long sourceCount = counts[source];
    if (sourceCount == 0) {
      return;
    }
    long targetCount = counts[target];
    long n = targetCount + sourceCount;
    if (n <= 0 || targetCount == 0) {
      counts[target] = n;
      means[target] = n <= 0 ? 0 : means[source];
      squaredDeviations[target] = n <= 0 ? 0 : squaredDeviations[source];
      return;
    }
    double delta = means[source] - means[target];
    means[target] += delta * sourceCount / n;
    squaredDeviations[target] += squaredDeviations[source]
        + delta * delta * ((double) targetCount * sourceCount / n);
    counts[target] = n;
  }

  @Override
  public void write(int slot, Column out, int row) {
    long finite = counts[slot];
    long n = finite + nonFiniteCounts[slot];
    if (n <= 0 || (isSample && n < 2)) {
      ResultWriter.writeNull(out, row);
      return;
    }
    double variance;
    if (nonFiniteCounts[slot] != 0) {
      variance = Double.NaN;
    } else {
      variance = Math.max(0d, squaredDeviations[slot]) / (isSample ? n - 1 : n);
    }
    ResultWriter.writeDouble(isStddev ? Math.sqrt(variance) : variance, resultType(), out, row);
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    out.writeLong(counts[slot]);
    out.writeDouble(means[slot]);
    out.writeDouble(squaredDeviations[slot]);
    out.writeLong(nonFiniteCounts[slot]);
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    counts[slot] = in.readLong();
    means[slot] = in.readDouble();
    squaredDeviations[slot] = in.readDouble();
    nonFiniteCounts[slot] = in.readLong();
  }

  @Override
  public long sizeBytes(int slots) {
    return 32L * slots;
  }
}
