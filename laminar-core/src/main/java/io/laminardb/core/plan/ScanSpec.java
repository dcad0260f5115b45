package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.type.Schema;
import java.util.List;

/** Reads a named source, stream or view: the leaf edge of a plan. */
public record ScanSpec(String objectName, Schema outputSchema) implements OperatorSpec {
  @Override
  public List<OperatorSpec> inputs() {
    return List.of();
  }

  @Override
  public Operator create() {
    return null;
  }

  @Override
  public String explain() {
    return "Scan: " + objectName;
  }
}
