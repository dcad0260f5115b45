package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.over.AnalyticFunction;
import io.laminardb.core.operator.over.AnalyticOperator;
import io.laminardb.core.operator.over.PartitionExpiry;
import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * LAG/LEAD/FIRST_VALUE/NTH_VALUE and ROWS-frame aggregates over {@code PARTITION BY ... ORDER BY} the event
 * time: the input columns followed by one column per function; {@code expiry} (or null) closes partitions
 * by watermark.
 */
public record AnalyticOperatorSpec(OperatorSpec input, Schema outputSchema, int[] partitionColumns,
    int timeColumn, List<AnalyticFunction> functions, PartitionExpiry expiry, String description) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Operator create() {
    return new AnalyticOperator(input.outputSchema(), outputSchema, partitionColumns, timeColumn, functions,
        expiry, description);
  }

  @Override
  public String explain() {
    return description;
  }
}
