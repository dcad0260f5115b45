package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.join.IntervalJoinOperator;
import io.laminardb.core.operator.join.JoinLayout;
import io.laminardb.core.type.Schema;
import java.util.List;

/** Stream-stream interval join: right time within {@code [left time + lower, left time + upper]} (ms). */
public record IntervalJoinSpec(OperatorSpec left, OperatorSpec right, JoinLayout layout, long lower,
    long upper) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(left, right);
  }

  @Override
  public Schema outputSchema() {
    return layout.outputSchema();
  }

  @Override
  public Operator create() {
    return new IntervalJoinOperator(layout, lower, upper);
  }

  @Override
  public String explain() {
    return create().describe();
  }
}
