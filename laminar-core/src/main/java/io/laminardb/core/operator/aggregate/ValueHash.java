package io.laminardb.core.operator.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * 64-bit hashes of values in storage form, stable across JVMs and runs (snapshots of HyperLogLog sketches
 * depend on it). Longs go through the SplitMix64 finaliser; strings and byte strings are folded 64 bits at a
 * time with a multiply-rotate round and finalised the same way. Equal SQL values hash equally: -0.0 and
 * 0.0, every NaN, and decimals differing only in trailing zeros.
 */
final class ValueHash {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long PRIME_1 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME_2 = 0x165667B19E3779F9L;
  private static final long PRIME_3 = 0xD6E8FEB86659FD93L;

  private ValueHash() {}

  /** SplitMix64's finaliser: a bijection on longs with full avalanche. */
  static long mix(long x) {
    long z = x + GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long hashLong(long value) {
    return mix(value);
  }

  static long hashDouble(double value) {
    return mix(StoredValues.distinctBits(value));
  }

  static long hashObject(Object value) {
    return switch (value) {
      case String s -> hashString(s);
      case BigDecimal d -> hashDecimal(d);
      case byte[] b -> hashBytes(b);
      case Long l -> hashLong(l);
      case Double d -> hashDouble(d);
      default -> mix(value.hashCode());
    };
  }

  private static long round(long hash, long lane) {
    return Long.rotateLeft(hash + lane * PRIME_2, 31) * PRIME_1;
  }

  static long hashString(String s) {
    int n = s.length();
    long h = PRIME_3 ^ (n * GOLDEN);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long lane = s.charAt(i) | ((long) s.charAt(i + 1) << 16) | ((long) s.charAt(i + 2) << 32)
          | ((long) s.charAt(i + 3) << 48);
      h = round(h, lane);
    }
    long tail = 0;
    for (int shift = 0; i < n; i++, shift += 16) {
      tail |= (long) s.charAt(i) << shift;
    }
    return mix(round(h, tail));
  }

  static long hashBytes(byte[] bytes) {
    int n = bytes.length;
    long h = PRIME_1 ^ (n * GOLDEN);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long lane = 0;
      for (int k = 7; k >= 0; k--) {
        lane = (lane << 8) | (bytes[i + k] & 0xFF);
      }
      h = round(h, lane);
    }
    long tail = 0;
    for (int shift = 0; i < n; i++, shift += 8) {
      tail |= (long) (bytes[i] & 0xFF) << shift;
    }
    return mix(round(h, tail));
  }

  static long hashDecimal(BigDecimal value) {
    BigDecimal normal = (BigDecimal) StoredValues.distinctKey(value);
    BigInteger unscaled = normal.unscaledValue();
    long h = unscaled.bitLength() < 64 ? mix(unscaled.longValue()) : hashBytes(unscaled.toByteArray());
    return mix(h ^ (normal.scale() * PRIME_2));
  }
}
