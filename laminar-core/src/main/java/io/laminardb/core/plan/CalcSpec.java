package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.calc.CalcKernel;
import io.laminardb.core.operator.calc.CalcOperator;
import io.laminardb.core.type.Schema;
import java.util.List;
import java.util.function.Supplier;

/** Fused filter + projection with a compiled kernel. {@code description} renders the expressions. */
public record CalcSpec(OperatorSpec input, Schema outputSchema, Supplier<CalcKernel> kernel,
    String description) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Operator create() {
    return new CalcOperator(kernel.get(), outputSchema, description);
  }

  @Override
  public String explain() {
    return description;
  }
}
