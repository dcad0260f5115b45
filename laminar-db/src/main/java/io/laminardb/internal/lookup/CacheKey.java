package io.laminardb.internal.lookup;

import java.util.Arrays;

/**
 * A partial-cache key: a primitive long for single integer-like keys, else the key values. A binding keeps
 * one mutable probe it re-points for every lookup so cache hits allocate nothing; keys stored in the cache
 * are fresh instances that never change.
 */
final class CacheKey {
  private long longValue;
  private Object[] values;
  private int hash;

  static CacheKey ofLong(long key) {
    CacheKey k = new CacheKey();
    k.setLong(key);
    return k;
  }

  static CacheKey of(Object[] key) {
    CacheKey k = new CacheKey();
    k.set(key.clone());
    return k;
  }

  void setLong(long key) {
    values = null;
    longValue = key;
    hash = Long.hashCode(key * 0x9E3779B97F4A7C15L);
  }

  void set(Object[] key) {
    values = key;
    hash = Arrays.deepHashCode(key);
  }

  /** A stored copy of this (probe) key. */
  CacheKey copy() {
    return values == null ? ofLong(longValue) : of(values);
  }

  /** The key values in primary-key order (boxed for long keys). */
  Object[] values() {
    return values == null ? new Object[] {longValue} : values.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CacheKey k) || k.hash != hash) {
      return false;
    }
    if (values == null) {
      return k.values == null && k.longValue == longValue;
    }
    return k.values != null && Arrays.deepEquals(values, k.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
