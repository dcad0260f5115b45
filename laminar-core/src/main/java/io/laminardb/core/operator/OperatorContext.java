package io.laminardb.core.operator;

/** What the runtime offers an operator: processing time, its query's name, error reporting. */
public interface OperatorContext {
  /** Processing time from the database's injected clock, epoch ms. */
  long processingTimeMillis();

  /** The name of the continuous query this operator belongs to. */
  String queryName();

  /** The named side stream (LATE DATA TO) this operator may send rows to. */
  Output sideOutput(String name);

  /**
   * An upsert-mode aggregate reports groups that disappeared (net weight zero on changelog input): rows in
   * its own output layout, as last emitted. Materialized views use this to drop them.
   */
  default void groupsDeleted(io.laminardb.core.batch.Batch rows) {}
}
