package io.laminardb.core.operator.join;

import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import java.math.BigDecimal;

/**
 * Equality keys of a join: hashing and comparing key columns of a row held in any column array (an input
 * batch or a {@link RowArena}). Both sides' key columns have the same storage kind (the planner casts).
 */
final class JoinKeys {
  private JoinKeys() {}

  /** Whether any key column of the row is NULL (such a row never matches). */
  static boolean hasNull(Column[] columns, int[] keys, int row) {
    for (int k : keys) {
      if (columns[k].nulls[row]) {
        return true;
      }
    }
    return false;
  }

  static long hash(Column[] columns, int[] keys, int row) {
    long h = 0x9E3779B97F4A7C15L;
    for (int k : keys) {
      h = (h ^ valueHash(columns[k], row)) * 0xBF58476D1CE4E5B9L;
    }
    return h ^ (h >>> 31);
  }

  private static long valueHash(Column column, int row) {
    return switch (column) {
      case LongColumn c -> mix(c.values[row]);
      case DoubleColumn c -> mix(Double.doubleToLongBits(c.values[row] == 0.0 ? 0.0 : c.values[row]));
      case ObjectColumn c -> objectHash(c.values[row]);
    };
  }

  private static long objectHash(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
    }
    if (v instanceof byte[] b) {
      return java.util.Arrays.hashCode(b);
    }
    return v.hashCode();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    return z ^ (z >>> 33);
  }

  /** Whether the keys of row {@code ra} in {@code a} equal those of row {@code rb} in {@code b}. */
  static boolean equal(Column[] a, int[] aKeys, int ra, Column[] b, int[] bKeys, int rb) {
    for (int i = 0; i < aKeys.length; i++) {
      if (!valueEqual(a[aKeys[i]], ra, b[bKeys[i]], rb)) {
        return false;
      }
    }
    return true;
  }

  /** Whether rows {@code ra} and {@code rb} agree on every column except {@code skip} (NULL equals NULL). */
  static boolean sameRow(Column[] a, int ra, Column[] b, int rb, int width, int skip) {
    for (int c = 0; c < width; c++) {
      if (c == skip) {
        continue;
      }
      boolean an = a[c].nulls[ra];
      if (an != b[c].nulls[rb] || !an && !valueEqual(a[c], ra, b[c], rb)) {
        return false;
      }
    }
    return true;
  }

  private static boolean valueEqual(Column a, int ra, Column b, int rb) {
    return switch (a) {
      case LongColumn x -> x.values[ra] == ((LongColumn) b).values[rb];
      case DoubleColumn x -> x.values[ra] == ((DoubleColumn) b).values[rb];
      case ObjectColumn x -> objectEqual(x.values[ra], ((ObjectColumn) b).values[rb]);
    };
  }

  private static boolean objectEqual(Object x, Object y) {
    if (x instanceof BigDecimal d && y instanceof BigDecimal e) {
      return d.compareTo(e) == 0;
    }
    if (x instanceof byte[] p && y instanceof byte[] q) {
      return java.util.Arrays.equals(p, q);
    }
    return x.equals(y);
  }
}
