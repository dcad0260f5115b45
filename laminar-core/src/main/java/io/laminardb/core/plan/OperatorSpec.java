package io.laminardb.core.plan;

import io.laminardb.core.operator.Operator;
import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * Immutable description of one operator of a physical plan, produced by the SQL layer. A spec creates fresh
 * operators (with fresh state) each time a query is instantiated; its inputs are wired to the operator's
 * ports in list order.
 */
public interface OperatorSpec {
  List<OperatorSpec> inputs();

  Schema outputSchema();

  /** Creates a new operator; null for a {@link ScanSpec}, which is an edge, not an operator. */
  Operator create();

  /** One line for EXPLAIN. */
  String explain();
}
