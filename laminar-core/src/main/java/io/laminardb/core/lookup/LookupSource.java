package io.laminardb.core.lookup;

import io.laminardb.core.type.Schema;
import java.util.List;

/**
 * Keyed reference data a lookup join probes once per stream row: a CREATE TABLE, or a CREATE LOOKUP TABLE
 * backed by a connector (Postgres, Parquet, ...) behind a cache.
 *
 * <p>Contract, chosen so a join can probe on its hot path without allocating:
 * <ul>
 *   <li>Keys and rows are in storage form: {@code Long} for integer, boolean and temporal types, {@code Double}
 *       for floating point, the object itself for strings, decimals and bytes (see
 *       {@link io.laminardb.core.batch.Column#getStored(int)}).
 *   <li>The caller owns the key array and reuses it for the next probe: a source copies what it keeps.
 *   <li>A returned row is immutable and shared (the caller copies the values it needs, never the array
 *       reference into state); {@code null} means no row has that key. Callers never pass a key with a NULL
 *       component (NULL never matches).
 *   <li>Probes run on the compute thread; {@link #lookupAll} lets remote sources answer a whole batch of
 *       misses in one round trip. A failed fetch throws a {@code LaminarException} (connector codes 5xxx); the
 *       join does not drop the row.
 * </ul>
 */
public interface LookupSource {
  /** The columns of every returned row. */
  Schema schema();

  /** Indexes into {@link #schema()} of the primary key, in key order; never empty. */
  int[] primaryKey();

  /** The row whose primary key equals {@code key} (values in primary-key order), or null. */
  Object[] lookup(Object[] key);

  /**
   * Single-column keys stored as long (integers, timestamps) without boxing. Sources with such keys
   * override this with a primitive index; the default boxes.
   */
  default Object[] lookupLong(long key) {
    return lookup(new Object[] {key});
  }

  /** Fills {@code results[i]} with the row for {@code keys[i]} (or null), for {@code i < count}. */
  default void lookupAll(Object[][] keys, int count, Object[][] results) {
    for (int i = 0; i < count; i++) {
      results[i] = lookup(keys[i]);
    }
  }

  /**
   * A view of this source that only answers rows satisfying every predicate (AND-ed) and that need only
   * fill the {@code projection} columns (others may be NULL in returned rows; indexes stay those of
   * {@link #schema()}; null projection = all columns). A source able to evaluate these remotely (a SQL WHERE,
   * a Parquet column subset) overrides this; the default filters locally so results are the same either way.
   * A join uses the returned source instead of this one; predicates are only on this source's columns.
   */
  default LookupSource restrict(List<LookupPredicate> predicates, int[] projection) {
    return predicates.isEmpty() ? this : new LocallyFilteredLookup(this, predicates);
  }

  /**
   * Whether a probe may cost a round trip to an external system, so a join should hand it a whole batch of
   * keys through {@link #lookupAll} (one round trip for all misses) rather than probe row by row.
   */
  default boolean batchesMisses() {
    return false;
  }

  /** Approximate bytes held in memory (cache or table contents), for metrics. */
  default long sizeBytes() {
    return 0;
  }
}
