package io.laminardb.internal;

import io.laminardb.PipelineMetrics;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.connector.ConnectorRegistry;
import io.laminardb.internal.lookup.ConnectorLookupTable;
import io.laminardb.internal.lookup.LookupCacheConfig;
import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.sql.tree.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The CREATE LOOKUP TABLEs of a database: built from their DDL (connector from the registry, cache from
 * {@link LookupCacheConfig}), closed when dropped, and reported in {@code metrics().lookups()}. In the
 * catalog a lookup table is a TABLE without row store: read-only, joinable, queryable ad hoc.
 */
final class LookupTables {
  private final Map<String, ConnectorLookupTable> tables = new ConcurrentHashMap<>();

  ConnectorLookupTable create(Statement.CreateLookupTable t, List<Field> fields, ConnectorRegistry connectors,
      Clock clock, BiConsumer<String, LaminarException> errorListener) {
    Schema schema = new Schema(fields);
    if (t.primaryKey().isEmpty()) {
      throw new LaminarException(ErrorCode.TEMPORAL_JOIN_NO_PK, "lookup table '" + t.name()
          + "' needs a PRIMARY KEY: lookups are by key");
    }
    int[] keys = new int[t.primaryKey().size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = schema.indexOf(t.primaryKey().get(i));
      if (keys[i] < 0) {
        throw new LaminarException(ErrorCode.SQL_COLUMN_NOT_FOUND, "primary key column '"
            + t.primaryKey().get(i) + "' is not a column of lookup table '" + t.name() + "'");
      }
    }
    List<Field> keyed = new ArrayList<>(fields);
    for (int k : keys) {
      // Key columns are never NULL: a NULL key never matches a lookup.
      keyed.set(k, new Field(fields.get(k).name(), fields.get(k).type().withNullable(false)));
    }
    schema = new Schema(keyed);
    Map<String, String> options = LookupCacheConfig.copy(t.connector().options());
    LookupCacheConfig cache = LookupCacheConfig.extract(t.name(), options);
    LookupConnector connector = connectors.lookup(t.connector().name()).create(t.name(), schema, keys,
        options);
    try {
      ConnectorLookupTable table = new ConnectorLookupTable(t.name(), schema, keys, connector, cache, clock,
          e -> {
            if (errorListener != null) {
              errorListener.accept(t.name(), e);
            }
          });
      tables.put(t.name(), table);
      return table;
    } catch (RuntimeException e) {
      connector.close();
      throw e;
    }
  }

  ConnectorLookupTable find(String name) {
    return tables.get(name);
  }

  void remove(String name) {
    ConnectorLookupTable t = tables.remove(name);
    if (t != null) {
      t.close();
    }
  }

  void closeAll() {
    for (String name : new ArrayList<>(tables.keySet())) {
      remove(name);
    }
  }

  Map<String, PipelineMetrics.LookupMetrics> metrics() {
    Map<String, PipelineMetrics.LookupMetrics> out = new LinkedHashMap<>();
    for (ConnectorLookupTable t : tables.values()) {
      var c = t.counters();
      out.put(t.name(), new PipelineMetrics.LookupMetrics(t.name(), t.connector().describe(),
          t.config().mode().name().toLowerCase(java.util.Locale.ROOT), c.hits(), c.misses(), c.loads(),
          c.rowsLoaded(), c.evictions(), c.errors(), c.negativeHits(), c.staleHits(), t.cachedRows()));
    }
    return out;
  }

  /** SHOW LOOKUP TABLES values: name, primary key, connector, cache. */
  List<Object[]> describeAll(io.laminardb.internal.catalog.Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    for (ConnectorLookupTable t : tables.values()) {
      var entry = catalog.find(t.name());
      rows.add(new Object[] {t.name(), entry == null ? "" : String.join(", ", entry.primaryKey()),
          t.connector().describe(), t.config().mode().name().toLowerCase(java.util.Locale.ROOT)});
    }
    rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
    return rows;
  }
}
