package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.aggregate.AggregateSpec;
import io.laminardb.core.operator.aggregate.GroupAggregateOperator;
import io.laminardb.core.operator.window.SessionAggregateOperator;
import io.laminardb.core.operator.window.WindowAggregateOperator;
import io.laminardb.core.operator.window.WindowSpec;
import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * An aggregate over one input: windowed (TUMBLE/HOP with {@code window}; SESSION with a positive
 * {@code sessionGapMillis}; both with {@code timeColumn}) or a plain GROUP BY.
 */
public record AggregateOperatorSpec(OperatorSpec input, AggregateSpec aggregate, WindowSpec window,
    long sessionGapMillis, int timeColumn, long allowedLatenessMillis) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Schema outputSchema() {
    return aggregate.outputSchema();
  }

  @Override
  public Operator create() {
    if (sessionGapMillis > 0) {
      return new SessionAggregateOperator(aggregate, sessionGapMillis, timeColumn, allowedLatenessMillis);
    }
    return window == null ? new GroupAggregateOperator(aggregate)
        : new WindowAggregateOperator(aggregate, window, timeColumn, allowedLatenessMillis);
  }

  @Override
  public String explain() {
    return create().describe();
  }
}
