package io.laminardb.sql.planner;

import io.laminardb.core.type.Schema;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The catalog as the planner sees it: named relations with schemas. Implemented by the database. */
public interface RelationResolver {
  /** The relation named exactly {@code name}, or null. */
  Relation find(String name);

  Collection<Relation> all();

  /**
   * What a lookup join probes for the table {@code name}: a keyed CREATE TABLE or a CREATE LOOKUP TABLE;
   * null when {@code name} is not such a table (a table without primary key included).
   */
  default io.laminardb.core.lookup.LookupSource lookupSource(String name) {
    return null;
  }

  /** Every version of keyed table {@code name} by {@code versionColumn}, for temporal joins; null if none. */
  default io.laminardb.core.lookup.VersionedLookupSource versionedLookupSource(String name, int versionColumn) {
    return null;
  }

  /**
   * A source, stream, view or table.
   *
   * @param kind SOURCE, STREAM, MATERIALIZED VIEW, SINK or TABLE
   * @param snapshot current rows for ad-hoc queries in Calcite's internal value form (null when the
   *     relation is not queryable ad hoc, like a plain stream)
   * @param eventTimeColumn the column of the source's WATERMARK clause, or null
   */
  record Relation(String name, String kind, Schema schema, Supplier<List<Object[]>> snapshot,
      String eventTimeColumn) {}
}
