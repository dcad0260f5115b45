package io.laminardb.core.operator.aggregate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.type.DataType;

/**
 * What every accumulator shares: the spec, the slot capacity and the row filter.
 *
 * <p>A row is skipped when its slot is negative, when {@code include[r]} is false, or when the spec names a
 * FILTER column and that column is false or NULL at the row. Applying the FILTER column here as well as
 * through {@code include} is idempotent, so the operator may use either.
 */
abstract class AbstractAccumulator implements Accumulator {
  static final int INITIAL_CAPACITY = 8;

  final AccumulatorSpec spec;
  final int argumentColumn;
  private final int filterColumn;
  private final DataType resultType;
  int capacity;

  AbstractAccumulator(AccumulatorSpec spec) {
    this.spec = spec;
    this.argumentColumn = spec.argumentColumn();
    this.filterColumn = spec.filterColumn();
    this.resultType = spec.resultType() != null
        ? spec.resultType()
        : Accumulators.resultType(spec.kind(), spec.argumentType());
  }

  @Override
  public final DataType resultType() {
    return resultType;
  }

  @Override
  public final void ensureCapacity(int slots) {
    if (slots > capacity) {
      int newCapacity = Math.max(slots, capacity * 2);
      grow(newCapacity);
      capacity = newCapacity;
    }
  }

  /** Reallocates every per-slot array to {@code newCapacity} entries, keeping the contents. */
  abstract void grow(int newCapacity);

  /** The FILTER column of {@code batch}, or null when the call has no FILTER clause. */
  final LongColumn filter(Batch batch) {
    return filterColumn < 0 ? null : batch.longColumn(filterColumn);
  }

  static boolean isSkipped(int row, int slot, boolean[] include, LongColumn filter) {
    return slot < 0
        || (include != null && !include[row])
        || (filter != null && (filter.nulls[row] || filter.values[row] == 0));
  }

  /** For accumulators that cannot retract: the error for a negative weight. */
  final LaminarException retractionUnsupported() {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED,
        "cannot compute " + spec.kind() + " over a changelog stream");
  }

  static LaminarException unsupportedType(AggregateKind kind, DataType type) {
    return new LaminarException(ErrorCode.SQL_TYPE_MISMATCH,
        kind + " does not accept " + (type == null ? "this argument" : type.sql()));
  }
}
