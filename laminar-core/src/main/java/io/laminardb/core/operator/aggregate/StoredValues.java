package io.laminardb.core.operator.aggregate;

import io.laminardb.core.state.TaggedValues;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Helpers for values in storage form (Long, Double, String, BigDecimal, byte[]) on the cold and object paths:
 * a tagged binary encoding for snapshots, the SQL ordering used by MIN/MAX, and the normal form used for
 * DISTINCT equality.
 */
final class StoredValues {

  /**
   * SQL ordering of object values: strings by {@link String#compareTo}, decimals numerically, byte strings
   * as unsigned bytes. Both arguments are of the same class (one column's values).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Comparator<Object> ORDER = (a, b) -> {
    if (a instanceof byte[] x) {
      return Arrays.compareUnsigned(x, (byte[]) b);
    }
    return ((Comparable) a).compareTo(b);
  };

  private StoredValues() {}

  /**
   * The key under which a value is counted by COUNT(DISTINCT): equal SQL values map to equal keys
   * ({@code 1.0} and {@code 1.00} for decimals, content equality for byte strings).
   */
  static Object distinctKey(Object value) {
    return switch (value) {
      case BigDecimal d -> d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      case byte[] b -> new BytesKey(b);
      default -> value;
    };
  }

  /** The stored value a {@link #distinctKey} stands for. */
  static Object fromDistinctKey(Object key) {
    return key instanceof BytesKey k ? k.bytes() : key;
  }

  /** Normal form of a double for DISTINCT: {@code -0.0} equals {@code 0.0}, every NaN is one value. */
  static long distinctBits(double value) {
    return value == 0d ? 0L : Double.doubleToLongBits(value);
  }

  /**
   * Maps a double to a long whose signed order is the total order of {@link Double#compare} (-0.0 before
   * 0.0, NaN last). The mapping is its own inverse, see {@link #fromSortableLong}.
   */
  static long sortableLong(double value) {
    long bits = Double.doubleToLongBits(value);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  static double fromSortableLong(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  static void write(DataOutput out, Object value) throws IOException {
    TaggedValues.write(out, value);
  }

  static Object read(DataInput in) throws IOException {
    return TaggedValues.read(in);
  }



  /** A byte string with content equality, as a hash-map key. */
  record BytesKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof BytesKey k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return Arrays.toString(bytes);
    }
  }
}
