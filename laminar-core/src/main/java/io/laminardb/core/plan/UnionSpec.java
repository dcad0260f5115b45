package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.union.UnionOperator;
import io.laminardb.core.type.Schema;
import java.util.List;

/** UNION ALL of inputs with the same layout. */
public record UnionSpec(List<OperatorSpec> inputs, Schema outputSchema) implements OperatorSpec {
  @Override
  public Operator create() {
    return new UnionOperator(inputs.size());
  }

  @Override
  public String explain() {
    return "UnionAll";
  }
}
