package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.operator.aggregate.ResultWriter.Int128;
import io.laminardb.core.type.TypeKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * AVG: the state of {@link SumAccumulator} (sum plus weighted non-NULL count) divided at write time. The
 * result is DOUBLE (spec §8.1); when the planner asks for a DECIMAL result the division is done in decimal
 * at the result scale. DECIMAL input divides in decimal (34 significant digits) before converting to double.
 */
final class AvgAccumulator extends SumAccumulator {
  AvgAccumulator(AccumulatorSpec spec) {
    super(spec);
  }

  @Override
  public void write(int slot, Column out, int row) {
    long count = nonNullCounts[slot];
    if (count <= 0) {
      ResultWriter.writeNull(out, row);
      return;
    }
    if (out instanceof ObjectColumn && storage != TypeKind.Storage.DOUBLE) {
      int scale = resultType().kind() == TypeKind.DECIMAL ? resultType().scale() : 16;
      BigDecimal average = exactSum(slot).divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
      ResultWriter.writeDecimal(average, resultType(), out, row);
      return;
    }
    double average = switch (storage) {
      case LONG -> Int128.toDouble(highs[slot], lows[slot]) / count;
      case DOUBLE -> doubleSum(slot) / count;
      case OBJECT -> decimalSum(slot).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    };
    ResultWriter.writeDouble(average, resultType(), out, row);
  }

  private BigDecimal exactSum(int slot) {
    return switch (storage) {
      case LONG -> new BigDecimal(Int128.toBigInteger(highs[slot], lows[slot]));
      case DOUBLE -> throw new IllegalStateException("DOUBLE sums are divided as doubles");
      case OBJECT -> decimalSum(slot);
    };
  }
}
