package io.laminardb.internal.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cache = 'partial'} (a Caffeine cache of hot keys, bounded by {@code cache.max_rows}, entries fresh
 * for {@code cache.ttl} of processing time, "no such key" answers cached too unless
 * {@code cache.negative = false}) and {@code cache = 'none'} (no cache: every probe asks the connector).
 * Misses of one {@link #lookupAll} batch go to the connector together, at most
 * {@link LookupConnector#maxKeysPerQuery()} keys per round trip, with the query's predicates and projection
 * pushed down.
 *
 * <p>When the connector fails, the probe throws its {@code LDB-5001}/{@code 5003} unless
 * {@code cache.stale_on_error} is set and an expired entry for the key is still held, which then answers.
 * Single-threaded: probes come from the compute thread.
 */
final class PartialCacheLookup implements LookupSource {
  /** A cached answer; {@code row == null} records that the key had no row. */
  private record Entry(Object[] row, long loadedAt) {}

  private final ConnectorLookupTable table;
  private final LookupQuery query;
  private final Clock clock;
  private final LookupCacheConfig config;
  private final Cache<CacheKey, Entry> cache;
  private final boolean longKey;
  private final CacheKey probe = new CacheKey();
  private final LookupCounters counters;
  private final Object[][] one = new Object[1][];
  private final Object[][] oneResult = new Object[1][];

  PartialCacheLookup(ConnectorLookupTable table, LookupQuery query, Clock clock, LookupCacheConfig config) {
    this.table = table;
    this.query = query;
    this.clock = clock;
    this.config = config;
    this.counters = table.counters();
    int[] pk = table.primaryKey();
    this.longKey = pk.length == 1 && table.schema().field(pk[0]).type().storage() == TypeKind.Storage.LONG;
    if (config.mode() == LookupCacheConfig.Mode.NONE) {
      this.cache = null;
      return;
    }
    Caffeine<Object, Object> builder = Caffeine.newBuilder();
    if (config.maxBytes() > 0) {
      builder.maximumWeight(config.maxBytes()).weigher((k, v) -> RowWeight.of(((Entry) v).row()));
    } else {
      builder.maximumSize(config.maxRows());
    }
    builder.ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .removalListener((k, v, cause) -> {
          if (cause.wasEvicted()) {
            counters.evictions.increment();
          }
        });
    if (!config.staleOnError()) {
      // Expired entries are useless unless they may answer during an outage, so let Caffeine drop them.
      builder.expireAfterWrite(Duration.ofMillis(config.ttlMillis()));
    }
    this.cache = builder.build();
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
    if (longKey) {
      return lookupLong((Long) key[0]);
    }
    probe.set(key);
    return probeOrFetch(key);
  }

  @Override
  public Object[] lookupLong(long key) {
    if (!longKey) {
      return lookup(new Object[] {key});
    }
    probe.setLong(key);
    return probeOrFetch(null);
  }

  /** Answers the current {@link #probe} from the cache, or fetches it alone. */
  private Object[] probeOrFetch(Object[] key) {
    Entry e = cache == null ? null : cache.getIfPresent(probe);
    if (e != null && isFresh(e)) {
      return hit(e);
    }
    counters.misses.increment();
    one[0] = key == null ? probe.values() : key;
    fetchMissing(one, oneResult, new int[] {0}, 1);
    Object[] row = oneResult[0];
    one[0] = null;
    oneResult[0] = null;
    return row;
  }

  @Override
  public boolean batchesMisses() {
    return true;
  }

  @Override
  public void lookupAll(Object[][] keys, int count, Object[][] results) {
    int[] missing = null;
    int missed = 0;
    for (int i = 0; i < count; i++) {
      setProbe(keys[i]);
      Entry e = cache == null ? null : cache.getIfPresent(probe);
      if (e != null && isFresh(e)) {
        results[i] = hit(e);
        continue;
      }
      counters.misses.increment();
      if (missing == null) {
        missing = new int[count];
      }
      missing[missed++] = i;
    }
    if (missed > 0) {
      fetchMissing(keys, results, missing, missed);
    }
  }

  private void setProbe(Object[] key) {
    if (longKey) {
      probe.setLong((Long) key[0]);
    } else {
      probe.set(key);
    }
  }

  private boolean isFresh(Entry e) {
    return clock.millis() - e.loadedAt() < config.ttlMillis();
  }

  private Object[] hit(Entry e) {
    counters.hits.increment();
    if (e.row() == null) {
      counters.negativeHits.increment();
    }
    return e.row();
  }

  /** Fetches the distinct keys at {@code missing[0..missed)} in batches and answers and caches them. */
  private void fetchMissing(Object[][] keys, Object[][] results, int[] missing, int missed) {
    Map<CacheKey, List<Integer>> wanted = new HashMap<>();
    List<Object[]> distinct = new ArrayList<>();
    for (int m = 0; m < missed; m++) {
      int i = missing[m];
      setProbe(keys[i]);
      List<Integer> at = wanted.get(probe);
      if (at == null) {
        at = new ArrayList<>(1);
        wanted.put(probe.copy(), at);
        distinct.add(keys[i].clone());
      }
      at.add(i);
    }
    Map<CacheKey, Object[]> found = new HashMap<>();
    int batch = Math.max(1, table.connector().maxKeysPerQuery());
    int[] pk = table.primaryKey();
    long now = clock.millis();
    try {
      for (int from = 0; from < distinct.size(); from += batch) {
        List<Object[]> chunk = distinct.subList(from, Math.min(distinct.size(), from + batch));
        counters.loads.increment();
        table.connector().fetch(chunk, query, row -> {
          Object[] key = new Object[pk.length];
          for (int k = 0; k < pk.length; k++) {
            key[k] = row[pk[k]];
          }
          found.put(longKey ? CacheKey.ofLong((Long) key[0]) : CacheKey.of(key), row);
          counters.rowsLoaded.increment();
        });
      }
    } catch (LaminarException failure) {
      counters.errors.increment();
      answerStale(wanted, results, failure);
      return;
    }
    for (Map.Entry<CacheKey, List<Integer>> w : wanted.entrySet()) {
      Object[] row = found.get(w.getKey());
      if (cache != null && (row != null || config.cacheMissing())) {
        cache.put(w.getKey(), new Entry(row, now));
      }
      for (int i : w.getValue()) {
        results[i] = row;
      }
    }
  }

  /** During an outage: expired entries answer when allowed, else the failure propagates. */
  private void answerStale(Map<CacheKey, List<Integer>> wanted, Object[][] results, LaminarException failure) {
    if (cache == null || !config.staleOnError()) {
      throw failure;
    }
    List<Object[]> answers = new ArrayList<>();
    for (Map.Entry<CacheKey, List<Integer>> w : wanted.entrySet()) {
      Entry e = cache.getIfPresent(w.getKey());
      if (e == null) {
        throw failure;
      }
      answers.add(e.row());
    }
    int a = 0;
    for (Map.Entry<CacheKey, List<Integer>> w : wanted.entrySet()) {
      Object[] row = answers.get(a++);
      for (int i : w.getValue()) {
        results[i] = row;
        counters.staleHits.increment();
      }
    }
  }

  @Override
  public LookupSource restrict(List<LookupPredicate> predicates, int[] projection) {
    return table.restrict(predicates, projection);
  }

  long size() {
    if (cache == null) {
      return 0;
    }
    cache.cleanUp();
    return cache.estimatedSize();
  }

  @Override
  public long sizeBytes() {
    return size() * (64 + 24L * table.schema().size());
  }
}
