package io.laminardb.internal.lookup;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one lookup table, summed over every query using it. Written on the compute thread (and by
 * Caffeine's maintenance, run inline), read by {@code metrics()} from any thread; adders do not allocate.
 */
public final class LookupCounters {
  final LongAdder hits = new LongAdder();
  final LongAdder negativeHits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder loads = new LongAdder();
  final LongAdder rowsLoaded = new LongAdder();
  final LongAdder evictions = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder staleHits = new LongAdder();

  /** Probes answered from memory (a cached "no such key" included). */
  public long hits() {
    return hits.sum();
  }

  /** Hits that were a cached "no such key". */
  public long negativeHits() {
    return negativeHits.sum();
  }

  /** Probes that were not answered from memory: partial-cache misses, uncached probes, keys absent from a full cache. */
  public long misses() {
    return misses.sum();
  }

  /** Round trips to the connector: full loads and refreshes, and batched fetches of missed keys. */
  public long loads() {
    return loads.sum();
  }

  public long rowsLoaded() {
    return rowsLoaded.sum();
  }

  /** Cache entries dropped by size or TTL. */
  public long evictions() {
    return evictions.sum();
  }

  /** Failed connector calls (LDB-5001/5003). */
  public long errors() {
    return errors.sum();
  }

  /** Probes answered from an expired entry because the connector failed ({@code cache.stale_on_error}). */
  public long staleHits() {
    return staleHits.sum();
  }
}
