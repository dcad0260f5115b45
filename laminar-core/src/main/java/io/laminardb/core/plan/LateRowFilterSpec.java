package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.window.LateRowFilter;
import io.laminardb.core.operator.window.WindowSpec;
import io.laminardb.core.type.Schema;
import java.util.List;

/** Diverts late rows to a side stream ({@code LATE DATA TO}) in front of a window aggregate. */
public record LateRowFilterSpec(OperatorSpec input, WindowSpec window, long sessionGapMillis, int timeColumn,
    long allowedLatenessMillis, String sideOutput) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of(input);
  }

  @Override
  public Schema outputSchema() {
    return input.outputSchema();
  }

  @Override
  public Operator create() {
    return new LateRowFilter(window, sessionGapMillis, timeColumn, allowedLatenessMillis, sideOutput);
  }

  @Override
  public String explain() {
    return "LateRows: to " + sideOutput;
  }
}
