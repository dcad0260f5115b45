package io.laminardb.core.operator.aggregate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Helpers for values in storage form (Long, Double, String, BigDecimal, byte[]) on the cold and object paths:
 * a tagged binary encoding for snapshots, the SQL ordering used by MIN/MAX, and the normal form used for
 * DISTINCT equality.
 */
final class StoredValues {
  private static final byte TAG_NULL = 0;
  private static final byte TAG_LONG = 1;
  private static final byte TAG_DOUBLE = 2;
  private static final byte TAG_STRING = 3;
  private static final byte TAG_DECIMAL = 4;
  private static final byte TAG_BYTES = 5;

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
    switch (value) {
      case null -> out.writeByte(TAG_NULL);
      case Long l -> {
        out.writeByte(TAG_LONG);
        out.writeLong(l);
      }
      case Double d -> {
        out.writeByte(TAG_DOUBLE);
        out.writeDouble(d);
      }
      case String s -> {
        out.writeByte(TAG_STRING);
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
      }
      case BigDecimal d -> {
        out.writeByte(TAG_DECIMAL);
        out.writeInt(d.scale());
        writeBytes(out, d.unscaledValue().toByteArray());
      }
      case byte[] b -> {
        out.writeByte(TAG_BYTES);
        writeBytes(out, b);
      }
      default -> throw new LaminarException(ErrorCode.SERIALIZATION,
          "cannot snapshot aggregate value of " + value.getClass().getName());
    }
  }

  static Object read(DataInput in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case TAG_NULL -> null;
      case TAG_LONG -> in.readLong();
      case TAG_DOUBLE -> in.readDouble();
      case TAG_STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
      case TAG_DECIMAL -> {
        int scale = in.readInt();
        yield new BigDecimal(new BigInteger(readBytes(in)), scale);
      }
      case TAG_BYTES -> readBytes(in);
      default -> throw new LaminarException(ErrorCode.DESERIALIZATION,
          "unknown aggregate value tag " + tag);
    };
  }

  private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new LaminarException(ErrorCode.DESERIALIZATION, "negative length in aggregate snapshot");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
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
