package io.laminardb.bench;

import io.laminardb.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Row count plus an order-independent 64-bit checksum of a multiset of rows, so an engine result can be compared
 * with a reference computed in plain Java. Values are normalised before hashing: integers by value, floating
 * point and decimals rounded to 1/1000, timestamps ({@link LocalDateTime} as UTC, {@link Instant}, or
 * {@link Long} epoch ms) as epoch milliseconds, strings by {@link String#hashCode()}. Does not allocate.
 */
public final class RowChecksum {
  private long count;
  private long sum;

  public long count() {
    return count;
  }

  public long checksum() {
    return sum;
  }

  /** Adds the first {@code width} values of {@code row}. */
  public void add(Row row, int width) {
    long h = 0x632BE59BD9B4E019L;
    for (int i = 0; i < width; i++) {
      h = mix(h * 31 + valueHash(row.get(i)));
    }
    sum += mix(h);
    count++;
  }

  /**
   * Adds a changelog row with its {@code __weight}: a retraction (-1) cancels an earlier insertion, so a
   * changelog sums to the checksum of the rows it leaves in place.
   */
  public void addWeighted(Row row, int width, long weight) {
    long h = 0x632BE59BD9B4E019L;
    for (int i = 0; i < width; i++) {
      h = mix(h * 31 + valueHash(row.get(i)));
    }
    sum += weight * mix(h);
    count += weight;
  }

  /** Adds the first {@code width} values of {@code values}. */
  public void addValues(Object[] values, int width) {
    long h = 0x632BE59BD9B4E019L;
    for (int i = 0; i < width; i++) {
      h = mix(h * 31 + valueHash(values[i]));
    }
    sum += mix(h);
    count++;
  }

  /**
   * Adds a row hashed value by value without boxing: {@code addHashed(with(with(start(), a), b))} equals
   * {@code addValues(new Object[] {a, b}, 2)} when each argument is the value's {@link #hash(Object)} (a long or
   * epoch-ms timestamp hashes as itself, a double as {@link #hashDouble(double)}, a string as its hashCode).
   */
  public void addHashed(long rowHash) {
    sum += mix(rowHash);
    count++;
  }

  /** {@link #addHashed} for a changelog row with its {@code __weight} (see {@link #addWeighted}). */
  public void addHashedWeighted(long rowHash, long weight) {
    sum += weight * mix(rowHash);
    count += weight;
  }

  /** Adds every row of {@code other} (checksums of parts of a result add up to the whole's). */
  public void merge(RowChecksum other) {
    sum += other.sum;
    count += other.count;
  }

  /** The hash of an empty row, before its first value. */
  public static long start() {
    return 0x632BE59BD9B4E019L;
  }

  /** {@code rowHash} extended by one value's hash. */
  public static long with(long rowHash, long valueHash) {
    return mix(rowHash * 31 + valueHash);
  }

  public static long hashDouble(double v) {
    return Math.round(v * 1000);
  }

  /** The normalised hash of one value, as {@link #addValues(Object[], int)} uses it. */
  public static long hash(Object v) {
    return valueHash(v);
  }

  public boolean matches(RowChecksum other) {
    return count == other.count && sum == other.sum;
  }

  static long valueHash(Object v) {
    if (v == null) {
      return 0x9E3779B97F4A7C15L;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n) {
      return Math.round(n.doubleValue() * 1000);
    }
    if (v instanceof String s) {
      return s.hashCode();
    }
    if (v instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) * 1000 + t.getNano() / 1_000_000;
    }
    if (v instanceof Instant t) {
      return t.toEpochMilli();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return v.hashCode();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return count + " rows, checksum " + Long.toHexString(sum);
  }
}
