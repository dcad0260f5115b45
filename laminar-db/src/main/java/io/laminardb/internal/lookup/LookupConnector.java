package io.laminardb.internal.lookup;

import java.util.List;
import java.util.function.Consumer;

/**
 * The external system behind a CREATE LOOKUP TABLE (F-LOOKUP-002): one keyed fetch and one scan, both with
 * predicate and projection pushdown ({@link LookupQuery}). Rows are in storage form and full table width.
 * Called from the compute thread and, for ad-hoc SELECT, from user threads; implementations serialise
 * internally. Failures are {@code LaminarException}s: {@code LDB-5001} when the system cannot be reached,
 * {@code LDB-5003} when a query fails; the next call tries again (reconnecting), so a system that comes back
 * is used again without any action.
 */
public interface LookupConnector extends AutoCloseable {
  /**
   * Checks that the system is reachable and has every declared column with a compatible type
   * ({@code LDB-5100} otherwise). Called once by CREATE LOOKUP TABLE.
   */
  void validate();

  /**
   * Every row whose primary key is among {@code keys} and that passes the query's predicates. Each key is an
   * array of values in primary-key order; at most {@link #maxKeysPerQuery()} keys per call.
   */
  void fetch(List<Object[]> keys, LookupQuery query, Consumer<Object[]> rows);

  /** Every row passing the query's predicates (full cache loads and ad-hoc SELECT). */
  void scan(LookupQuery query, Consumer<Object[]> rows);

  /** The largest key list {@link #fetch} accepts in one call. */
  default int maxKeysPerQuery() {
    return 1000;
  }

  /** The statement text a fetch sends for {@code query} (shown by tests and diagnostics); null when not SQL. */
  default String describeFetch(LookupQuery query) {
    return null;
  }

  /** Short description for SHOW TABLES, without secrets (for example {@code postgres public.customers}). */
  String describe();

  @Override
  void close();
}
