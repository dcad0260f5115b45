package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.join.AsofDirection;
import io.laminardb.core.operator.join.AsofJoinOperator;
import io.laminardb.core.operator.join.JoinLayout;
import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * ASOF join, or a temporal join ({@code BACKWARD}, no tolerance) against a versioned right side.
 *
 * @param tolerance in ms, {@link Long#MAX_VALUE} for none
 * @param keepsUnmatched whether left rows without a pick are emitted NULL-padded (ASOF, LEFT temporal)
 * @param rightWeight the right input's {@code __weight} column (changelog versions), or -1
 */
public record AsofJoinSpec(OperatorSpec left, OperatorSpec right, JoinLayout layout, AsofDirection direction,
    boolean strict, long tolerance, boolean keepsUnmatched, int rightWeight) implements OperatorSpec {
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
    return new AsofJoinOperator(layout, direction, strict, tolerance, keepsUnmatched, rightWeight);
  }

  @Override
  public String explain() {
    return create().describe();
  }
}
