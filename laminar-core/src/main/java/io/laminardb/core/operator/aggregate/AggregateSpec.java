package io.laminardb.core.operator.aggregate;

import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * What an aggregate operator computes, independent of windowing.
 *
 * @param inputSchema the operator's input (a pre-projection computing keys, arguments and filters)
 * @param keyColumns input columns of the group key (without the window)
 * @param accumulators one per aggregate call
 * @param layout where keys, window bounds, aggregates and {@code __weight} go in the output
 * @param weightColumn input column holding {@code __weight} for changelog input, or -1
 * @param emitIntervalMillis the processing-time period of EMIT EVERY INTERVAL (0 otherwise)
 */
public record AggregateSpec(Schema inputSchema, int[] keyColumns, List<AccumulatorSpec> accumulators,
    AggregateLayout layout, Schema outputSchema, EmitMode emit, int weightColumn, long emitIntervalMillis) {

  public String describe() {
    StringBuilder sb = new StringBuilder("keys=[");
    for (int i = 0; i < keyColumns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(inputSchema.field(keyColumns[i]).name());
    }
    sb.append("], aggregates=[");
    for (int i = 0; i < accumulators.size(); i++) {
      AccumulatorSpec a = accumulators.get(i);
      sb.append(i > 0 ? ", " : "").append(a.kind()).append('(')
          .append(a.argumentColumn() < 0 ? "*" : inputSchema.field(a.argumentColumn()).name()).append(')');
      if (a.filterColumn() >= 0) {
        sb.append(" FILTER ").append(inputSchema.field(a.filterColumn()).name());
      }
    }
    return sb.append(']').toString();
  }
}
