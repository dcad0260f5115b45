package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.type.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.Arrays;

/** TEMPORARY local scaffold (not committed): replaced by the accumulators branch. */
public final class Accumulators {
  private Accumulators() {}

  public static Accumulator create(AccumulatorSpec spec) {
    return new Simple(spec);
  }

  private static final class Simple implements Accumulator {
    private final AccumulatorSpec spec;
    private long[] counts = new long[16];
    private double[] sums = new double[16];
    private double[] min = new double[16];
    private double[] max = new double[16];

    Simple(AccumulatorSpec spec) {
      this.spec = spec;
    }

    public void ensureCapacity(int slots) {
      if (slots > counts.length) {
        int n = Math.max(slots, counts.length * 2);
        counts = Arrays.copyOf(counts, n);
        sums = Arrays.copyOf(sums, n);
        min = Arrays.copyOf(min, n);
        max = Arrays.copyOf(max, n);
      }
    }

    public void clear(int slot) {
      counts[slot] = 0;
      sums[slot] = 0;
      min[slot] = Double.POSITIVE_INFINITY;
      max[slot] = Double.NEGATIVE_INFINITY;
    }

    public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
      for (int r = 0; r < rowCount; r++) {
        int s = slots[r];
        if (s < 0 || (include != null && !include[r])) {
          continue;
        }
        long w = weights == null ? 1 : weights[r];
        if (spec.argumentColumn() < 0) {
          counts[s] += w;
          continue;
        }
        Column c = batch.column(spec.argumentColumn());
        if (c.nulls[r]) {
          continue;
        }
        double v = c instanceof LongColumn lc ? lc.values[r] : ((DoubleColumn) c).values[r];
        counts[s] += w;
        sums[s] += v * w;
        min[s] = Math.min(min[s], v);
        max[s] = Math.max(max[s], v);
      }
    }

    public void merge(int target, int source) {
      counts[target] += counts[source];
      sums[target] += sums[source];
      min[target] = Math.min(min[target], min[source]);
      max[target] = Math.max(max[target], max[source]);
    }

    public void write(int slot, Column out, int row) {
      double v;
      switch (spec.kind()) {
        case COUNT_STAR, COUNT -> {
          ((LongColumn) out).values[row] = counts[slot];
          out.nulls[row] = false;
          return;
        }
        case SUM -> v = sums[slot];
        case AVG -> v = sums[slot] / counts[slot];
        case MIN -> v = min[slot];
        default -> v = max[slot];
      }
      out.nulls[row] = counts[slot] == 0;
      if (out instanceof LongColumn lc) {
        lc.values[row] = (long) v;
      } else {
        ((DoubleColumn) out).values[row] = v;
      }
    }

    public DataType resultType() {
      return spec.resultType();
    }

    public boolean canRetract() {
      return true;
    }

    public void snapshot(int slot, DataOutput out) {}

    public void restore(int slot, DataInput in) {}

    public long sizeBytes(int slots) {
      return 32L * slots;
    }
  }
}
