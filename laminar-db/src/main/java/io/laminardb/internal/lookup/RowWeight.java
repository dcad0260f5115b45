package io.laminardb.internal.lookup;

import java.math.BigDecimal;

/** Approximate heap bytes of a cached row and its cache entry, for {@code cache.memory}. */
final class RowWeight {
  private static final int ENTRY = 96;

  private RowWeight() {}

  static int of(Object[] row) {
    if (row == null) {
      return ENTRY;
    }
    long bytes = ENTRY + 16L + 4L * row.length;
    for (Object v : row) {
      bytes += switch (v) {
        case null -> 0;
        case String s -> 40 + 2L * s.length();
        case byte[] b -> 16 + b.length;
        case BigDecimal d -> 48 + d.unscaledValue().bitLength() / 8;
        default -> 16;
      };
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
