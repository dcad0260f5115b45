package io.laminardb.internal.lookup;

import io.laminardb.common.error.LaminarException;
import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.type.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A CREATE LOOKUP TABLE: a {@link LookupConnector} behind the configured cache, registered under the table's
 * name as the {@link LookupSource} lookup joins probe. Each {@link #restrict} (one per query with pushed
 * predicates or a projection) gets its own cache over the rows that query can see, so a cached "no such
 * key" of one query never answers another; the table itself answers for queries without pushdown. Counters
 * are summed over all of them.
 */
public final class ConnectorLookupTable implements LookupSource, AutoCloseable {
  private final String name;
  private final Schema schema;
  private final int[] primaryKey;
  private final LookupConnector connector;
  private final LookupCacheConfig config;
  private final Clock clock;
  private final Consumer<LaminarException> warnings;
  private final LookupCounters counters = new LookupCounters();
  private final List<LookupSource> bindings = new CopyOnWriteArrayList<>();
  private final LookupSource unrestricted;
  /** One binding per distinct restriction: queries reading the same rows and columns share a cache. */
  private final java.util.Map<List<Object>, LookupSource> restricted = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Validates the connector and, for a full cache, loads the table (so CREATE fails with LDB-5001 when the
   * system is down, and joins start warm).
   */
  public ConnectorLookupTable(String name, Schema schema, int[] primaryKey, LookupConnector connector,
      LookupCacheConfig config, Clock clock, Consumer<LaminarException> warnings) {
    this.name = name;
    this.schema = schema;
    this.primaryKey = primaryKey.clone();
    this.connector = connector;
    this.config = config;
    this.clock = clock;
    this.warnings = warnings;
    connector.validate();
    this.unrestricted = bind(LookupQuery.ALL);
  }

  private LookupSource bind(LookupQuery query) {
    LookupSource b = config.mode() == LookupCacheConfig.Mode.FULL
        ? new FullCacheLookup(this, query, clock, config.refreshMillis())
        : new PartialCacheLookup(this, query, clock, config);
    bindings.add(b);
    return b;
  }

  public String name() {
    return name;
  }

  public LookupCacheConfig config() {
    return config;
  }

  public LookupConnector connector() {
    return connector;
  }

  public LookupCounters counters() {
    return counters;
  }

  void warn(LaminarException e) {
    warnings.accept(e);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  @Override
  public Object[] lookup(Object[] key) {
    return unrestricted.lookup(key);
  }

  @Override
  public Object[] lookupLong(long key) {
    return unrestricted.lookupLong(key);
  }

  @Override
  public void lookupAll(Object[][] keys, int count, Object[][] results) {
    unrestricted.lookupAll(keys, count, results);
  }

  @Override
  public boolean batchesMisses() {
    return unrestricted.batchesMisses();
  }

  /**
   * A source answering only rows passing {@code predicates}, reading only {@code projection}: pushed to the
   * connector (the SQL WHERE and select list it sends) unless {@code pushdown = 'disabled'}, when the rows
   * of the unrestricted cache are filtered locally.
   */
  @Override
  public LookupSource restrict(List<LookupPredicate> predicates, int[] projection) {
    if (!config.pushdown()) {
      return predicates.isEmpty() ? this : LookupSource.super.restrict(predicates, projection);
    }
    if (predicates.isEmpty() && (projection == null || config.mode() == LookupCacheConfig.Mode.FULL)) {
      // A full cache already holds every column; a narrower second copy would only cost another load.
      return this;
    }
    LookupQuery query = new LookupQuery(predicates, projection);
    List<Object> key = new ArrayList<>(query.predicates());
    key.add(query.columns() == null ? "*" : java.util.Arrays.toString(query.columns()));
    return restricted.computeIfAbsent(key, k -> bind(query));
  }

  /**
   * Current rows for ad-hoc SELECT: the loaded snapshot of a full cache (no round trip, so it answers while
   * the system is down); otherwise a scan of the connector with {@code query} pushed down.
   */
  public List<Object[]> scan(LookupQuery query) {
    if (unrestricted instanceof FullCacheLookup full) {
      List<Object[]> rows = new ArrayList<>();
      for (Object[] row : full.rows()) {
        if (query.matches(row)) {
          rows.add(row);
        }
      }
      return rows;
    }
    List<Object[]> rows = new ArrayList<>();
    counters.loads.increment();
    try {
      connector.scan(query, rows::add);
    } catch (LaminarException e) {
      counters.errors.increment();
      throw e;
    }
    counters.rowsLoaded.add(rows.size());
    return rows;
  }

  /** Rows held in memory over all bindings. */
  public long cachedRows() {
    long n = 0;
    for (LookupSource b : bindings) {
      n += b instanceof FullCacheLookup f ? f.size() : ((PartialCacheLookup) b).size();
    }
    return n;
  }

  @Override
  public long sizeBytes() {
    long n = 0;
    for (LookupSource b : bindings) {
      n += b.sizeBytes();
    }
    return n;
  }

  @Override
  public void close() {
    connector.close();
  }
}
