package io.laminardb.core.operator.aggregate;

/**
 * Where an aggregate operator puts things in its output rows.
 *
 * @param keyColumns output column of each group key, in group-table key order
 * @param windowStartColumn output column of the window start (TIMESTAMP), or -1 without windows
 * @param windowEndColumn output column of the window end, or -1
 * @param aggregateColumns output column of each aggregate, in accumulator order
 * @param weightColumn output column of {@code __weight} (EMIT CHANGES), or -1
 */
public record AggregateLayout(int[] keyColumns, int windowStartColumn, int windowEndColumn,
    int[] aggregateColumns, int weightColumn) {}
