package io.laminardb.core.operator.aggregate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.TypeKind;

/**
 * Creates the accumulator for an aggregate call and derives default result types.
 *
 * <p>Retraction (negative weights) is exact for COUNT, SUM, AVG, MIN, MAX, the variance family, BOOL_AND/OR
 * and COUNT(DISTINCT). FIRST_VALUE, LAST_VALUE and APPROX_COUNT_DISTINCT report {@code canRetract() == false}
 * and fail with LDB-1001 on a negative weight.
 *
 * <p>Notes for operators:
 *
 * <ul>
 *   <li>Pass {@code weights == null} for append-only input and a weights array for every batch of a
 *       changelog input: MIN/MAX choose their per-group representation from it (allocation-free summary vs
 *       counted multiset, see {@link MinMaxAccumulator}).
 *   <li>The spec's FILTER column is applied by the accumulator as well as {@code include}; either suffices.
 *   <li>Weights of 0 change nothing. Rows with a NULL event time are ignored by FIRST_VALUE/LAST_VALUE.
 *   <li>Object values (strings, decimals, byte arrays) are kept by reference: they must not be mutated after
 *       being handed over in a batch.
 * </ul>
 */
public final class Accumulators {
  private Accumulators() {}

  public static Accumulator create(AccumulatorSpec spec) {
    AggregateKind kind = spec.kind();
    if (kind != AggregateKind.COUNT_STAR && spec.argumentColumn() >= 0 && spec.argumentType() == null) {
      throw new LaminarException(ErrorCode.INTERNAL, kind + " needs the argument type");
    }
    return switch (kind) {
      case COUNT_STAR -> new CountAccumulator(spec, true);
      case COUNT -> new CountAccumulator(spec, spec.argumentColumn() < 0);
      case COUNT_DISTINCT -> new CountDistinctAccumulator(spec);
      case APPROX_COUNT_DISTINCT -> new ApproxCountDistinctAccumulator(spec);
      case SUM -> new SumAccumulator(spec);
      case AVG -> new AvgAccumulator(spec);
      case MIN, MAX -> spec.argumentType().storage() == TypeKind.Storage.OBJECT
          ? new ObjectMinMaxAccumulator(spec)
          : new MinMaxAccumulator(spec);
      case FIRST_VALUE, LAST_VALUE -> new FirstLastAccumulator(spec);
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> new VarianceAccumulator(spec);
      case BOOL_AND, BOOL_OR -> new BoolAccumulator(spec);
      case ARRAY_AGG -> new ArrayAggAccumulator(spec);
    };
  }

  /**
   * The result type of {@code kind} over {@code argumentType} per spec §8.1: counts are BIGINT, SUM widens
   * integers to BIGINT and FLOAT to DOUBLE (DECIMAL keeps its scale at precision 38), AVG and the variance
   * family are DOUBLE, MIN/MAX/FIRST_VALUE/LAST_VALUE keep the argument type.
   */
  public static DataType resultType(AggregateKind kind, DataType argumentType) {
    return switch (kind) {
      case COUNT_STAR, COUNT, COUNT_DISTINCT, APPROX_COUNT_DISTINCT ->
          DataType.of(TypeKind.BIGINT).withNullable(false);
      case SUM -> switch (argumentType.kind()) {
        case SMALLINT, INT, BIGINT -> DataType.of(TypeKind.BIGINT);
        case FLOAT, DOUBLE -> DataType.of(TypeKind.DOUBLE);
        case DECIMAL -> DataType.of(TypeKind.DECIMAL, 38, argumentType.scale());
        default -> argumentType.withNullable(true);
      };
      case AVG, STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> DataType.of(TypeKind.DOUBLE);
      case MIN, MAX, FIRST_VALUE, LAST_VALUE -> argumentType.withNullable(true);
      case BOOL_AND, BOOL_OR -> DataType.of(TypeKind.BOOLEAN);
      case ARRAY_AGG -> DataType.array(argumentType.withNullable(true));
    };
  }
}
