package io.laminardb.core.operator.aggregate;

import io.laminardb.core.type.DataType;

/**
 * Immutable description of one aggregate call, produced by the SQL layer.
 *
 * @param argumentColumn input column of the argument, or -1 for COUNT(*)
 * @param argumentType type of that column (null for COUNT(*))
 * @param timeColumn input column holding event time (epoch ms, LONG storage) for FIRST_VALUE/LAST_VALUE
 *     ordering, or -1 for arrival order
 * @param resultType the SQL result type the planner derived
 * @param filterColumn input BOOLEAN column of a {@code FILTER (WHERE ...)} clause, or -1
 */
public record AccumulatorSpec(AggregateKind kind, int argumentColumn, DataType argumentType, int timeColumn,
    DataType resultType, int filterColumn) {

  /** A new, empty accumulator for this call. */
  public Accumulator create() {
    return Accumulators.create(this);
  }
}
