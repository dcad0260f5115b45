package io.laminardb.core.operator;

/** What the runtime offers an operator: processing time, its query's name, error reporting. */
public interface OperatorContext {
  /** Processing time from the database's injected clock, epoch ms. */
  long processingTimeMillis();

  /** The name of the continuous query this operator belongs to. */
  String queryName();

  /** The named side stream (LATE DATA TO) this operator may send rows to. */
  Output sideOutput(String name);
}
