package io.laminardb.internal.lookup;

import java.util.List;
import java.util.function.Consumer;

/**
 * The external system behind a lookup table (F-LOOKUP-002): one keyed query and one scan, both with
 * predicate and projection pushdown. Rows are in storage form, full table width (see {@link LookupQuery}).
 * Implementations are called from the compute thread and, for ad-hoc SELECT, from user threads; they
 * serialise internally. Failures are {@code LaminarException}s: {@code LDB-5001} when the system cannot be
 * reached, {@code LDB-5003} when a query fails; a later call tries again (reconnecting).
 */
public interface LookupSource extends AutoCloseable {
  /**
   * Checks that the system is reachable and has every declared column with a compatible type
   * ({@code LDB-5100} otherwise). Called once by CREATE LOOKUP TABLE.
   */
  void validate();

  /**
   * Every row whose key is among {@code keys} and that passes the query's predicates. Keys are storage
   * values for a single-column key, or {@code List<Object>} for a composite one; at most
   * {@link #maxKeysPerQuery()} of them.
   */
  void fetch(List<Object> keys, LookupQuery query, Consumer<Object[]> rows);

  /** Every row passing the query's predicates (full cache loads and ad-hoc SELECT). */
  void scan(LookupQuery query, Consumer<Object[]> rows);

  /** The largest key list {@link #fetch} accepts in one call. */
  default int maxKeysPerQuery() {
    return 1000;
  }

  /** The query text sent for a fetch (EXPLAIN, tests of pushdown); null when not SQL. */
  default String describeFetch(LookupQuery query) {
    return null;
  }

  @Override
  void close();
}
