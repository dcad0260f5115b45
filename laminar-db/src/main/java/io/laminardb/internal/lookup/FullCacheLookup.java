package io.laminardb.internal.lookup;

import io.laminardb.common.error.LaminarException;
import io.laminardb.core.lookup.InMemoryLookupTable;
import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.type.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cache = 'full'}: every row passing the query's pushed predicates is loaded into memory when the
 * binding is created; probes never touch the connector. With {@code refresh = 'periodic:<interval>'} the
 * snapshot is reloaded on the first probe after the interval (processing time, the database clock); a
 * reload that fails keeps serving the previous snapshot, counts an error, reports it as a warning and is
 * tried again one interval later.
 */
final class FullCacheLookup implements LookupSource {
  private final ConnectorLookupTable table;
  private final LookupQuery query;
  private final Clock clock;
  private final long refreshMillis;
  private volatile Snapshot snapshot;
  private long nextRefreshAt;

  /** The loaded rows: an index for probes and the list for ad-hoc reads. */
  private record Snapshot(InMemoryLookupTable index, List<Object[]> rows) {}

  FullCacheLookup(ConnectorLookupTable table, LookupQuery query, Clock clock, long refreshMillis) {
    this.table = table;
    this.query = query;
    this.clock = clock;
    this.refreshMillis = refreshMillis;
    this.snapshot = load();
    this.nextRefreshAt = refreshMillis > 0 ? clock.millis() + refreshMillis : Long.MAX_VALUE;
  }

  private Snapshot load() {
    InMemoryLookupTable index = new InMemoryLookupTable(table.schema(), table.primaryKey());
    List<Object[]> rows = new ArrayList<>();
    table.counters().loads.increment();
    try {
      table.connector().scan(query, row -> {
        index.upsert(row);
        rows.add(row);
      });
    } catch (LaminarException e) {
      table.counters().errors.increment();
      throw e;
    }
    table.counters().rowsLoaded.add(rows.size());
    return new Snapshot(index, rows);
  }

  private void refreshIfDue() {
    if (refreshMillis == 0) {
      return;
    }
    long now = clock.millis();
    if (now < nextRefreshAt) {
      return;
    }
    nextRefreshAt = now + refreshMillis;
    try {
      snapshot = load();
    } catch (LaminarException e) {
      table.warn(e);
    }
  }

  @Override
  public Schema schema() {
    return table.schema();
  }

  @Override
  public int[] primaryKey() {
    return table.primaryKey();
  }

  @Override
  public Object[] lookup(Object[] key) {
    refreshIfDue();
    return count(snapshot.index().lookup(key));
  }

  @Override
  public Object[] lookupLong(long key) {
    refreshIfDue();
    return count(snapshot.index().lookupLong(key));
  }

  private Object[] count(Object[] row) {
    if (row != null) {
      table.counters().hits.increment();
    } else {
      table.counters().misses.increment();
    }
    return row;
  }

  @Override
  public LookupSource restrict(List<LookupPredicate> predicates, int[] projection) {
    return table.restrict(predicates, projection);
  }

  List<Object[]> rows() {
    return snapshot.rows();
  }

  int size() {
    return snapshot.rows().size();
  }

  @Override
  public long sizeBytes() {
    return snapshot.index().sizeBytes();
  }
}
