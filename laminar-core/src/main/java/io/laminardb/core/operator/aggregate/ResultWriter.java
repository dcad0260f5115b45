package io.laminardb.core.operator.aggregate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.function.Arithmetic;
import io.laminardb.core.function.Casts;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes an accumulator's internal value (long, double, 128-bit integer or object) into the output column of
 * the result type, converting when the two differ (SUM over INT written as BIGINT, over DECIMAL rescaled to
 * the result scale, and so on). Runs once per emitted group, not per input row.
 */
final class ResultWriter {
  private ResultWriter() {}

  static void writeNull(Column out, int row) {
    out.nulls[row] = true;
    switch (out) {
      case LongColumn c -> c.values[row] = 0L;
      case DoubleColumn c -> c.values[row] = 0d;
      case ObjectColumn c -> c.values[row] = null;
    }
  }

  static void writeLong(long value, DataType type, Column out, int row) {
    out.nulls[row] = false;
    switch (out) {
      case LongColumn c -> c.values[row] = narrow(value, type);
      case DoubleColumn c -> c.values[row] = value;
      case ObjectColumn c -> c.values[row] = Casts.toDecimal(value, decimalScale(type));
    }
  }

  static void writeDouble(double value, DataType type, Column out, int row) {
    out.nulls[row] = false;
    switch (out) {
      case LongColumn c -> c.values[row] = narrow(Casts.toLong(value), type);
      case DoubleColumn c -> c.values[row] = value;
      case ObjectColumn c -> c.values[row] = Casts.toDecimal(value, decimalScale(type));
    }
  }

  static void writeDecimal(BigDecimal value, DataType type, Column out, int row) {
    out.nulls[row] = false;
    switch (out) {
      case LongColumn c -> c.values[row] = narrow(Casts.toLong(value), type);
      case DoubleColumn c -> c.values[row] = value.doubleValue();
      case ObjectColumn c -> c.values[row] = type.kind() == TypeKind.DECIMAL
          ? Casts.rescale(value, type.scale())
          : value;
    }
  }

  /** A 128-bit two's-complement integer {@code (high, low)}; a BIGINT result must fit 64 bits. */
  static void writeInt128(long high, long low, DataType type, Column out, int row) {
    if (Int128.fitsLong(high, low)) {
      writeLong(low, type, out, row);
      return;
    }
    switch (out) {
      case LongColumn c -> throw new LaminarException(ErrorCode.QUERY_EXECUTION, "BIGINT overflow in SUM");
      case DoubleColumn c -> {
        c.nulls[row] = false;
        c.values[row] = Int128.toDouble(high, low);
      }
      case ObjectColumn c -> writeDecimal(new BigDecimal(Int128.toBigInteger(high, low)), type, out, row);
    }
  }

  /** Writes a value in storage form (Long, Double or an object such as String, BigDecimal, byte[]). */
  static void writeStored(Object value, DataType type, Column out, int row) {
    switch (value) {
      case null -> writeNull(out, row);
      case Long l -> writeLong(l, type, out, row);
      case Double d -> writeDouble(d, type, out, row);
      case BigDecimal d -> writeDecimal(d, type, out, row);
      default -> {
        out.nulls[row] = false;
        ((ObjectColumn) out).values[row] = value;
      }
    }
  }

  private static long narrow(long value, DataType type) {
    return switch (type.kind()) {
      case INT -> Arithmetic.checkInt(value);
      case SMALLINT -> Arithmetic.checkSmallint(value);
      default -> value;
    };
  }

  private static int decimalScale(DataType type) {
    return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
  }

  /** Arithmetic on 128-bit integers held as two longs, used by integer SUM and AVG. */
  static final class Int128 {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private Int128() {}

    static boolean fitsLong(long high, long low) {
      return high == (low >> 63);
    }

    /** The carry out of the unsigned 64-bit addition {@code a + b = sum}. */
    static long carry(long a, long b, long sum) {
      return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    static double toDouble(long high, long low) {
      if (fitsLong(high, low)) {
        return low;
      }
      double unsignedLow = (double) (low >>> 11) * 0x1p11 + (low & 0x7FF);
      return (double) high * 0x1p64 + unsignedLow;
    }

    static BigInteger toBigInteger(long high, long low) {
      BigInteger unsignedLow = BigInteger.valueOf(low >>> 1).shiftLeft(1).add(BigInteger.valueOf(low & 1));
      return BigInteger.valueOf(high).multiply(TWO_TO_64).add(unsignedLow);
    }
  }
}
