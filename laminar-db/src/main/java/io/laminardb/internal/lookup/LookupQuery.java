package io.laminardb.internal.lookup;

import io.laminardb.core.lookup.LookupPredicate;
import java.util.Arrays;
import java.util.List;

/**
 * What a query needs from a lookup table: the rows passing {@code predicates} (AND-ed, pushed to the
 * connector) and only the {@code columns} it reads (projection pushdown). Rows keep the table's full width;
 * columns outside the projection are null. Key columns are always read.
 *
 * @param columns sorted column indexes to read, or null for all
 */
public record LookupQuery(List<LookupPredicate> predicates, int[] columns) {
  public static final LookupQuery ALL = new LookupQuery(List.of(), null);

  public LookupQuery {
    predicates = List.copyOf(predicates);
    if (columns != null) {
      columns = columns.clone();
      Arrays.sort(columns);
    }
  }

  /** The columns to read for a table of {@code width} columns with key {@code keyColumns}, ascending. */
  public int[] readColumns(int width, int[] keyColumns) {
    boolean[] read = new boolean[width];
    if (columns == null) {
      Arrays.fill(read, true);
    } else {
      for (int c : columns) {
        read[c] = true;
      }
    }
    for (int k : keyColumns) {
      read[k] = true;
    }
    int n = 0;
    for (boolean r : read) {
      n += r ? 1 : 0;
    }
    int[] out = new int[n];
    int i = 0;
    for (int c = 0; c < width; c++) {
      if (read[c]) {
        out[i++] = c;
      }
    }
    return out;
  }

  /** True when {@code row} passes every predicate (what the connector evaluates remotely). */
  public boolean matches(Object[] row) {
    for (LookupPredicate p : predicates) {
      if (!p.test(row)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LookupQuery q && predicates.equals(q.predicates) && Arrays.equals(columns, q.columns);
  }

  @Override
  public int hashCode() {
    return predicates.hashCode() * 31 + Arrays.hashCode(columns);
  }

  @Override
  public String toString() {
    return "LookupQuery" + predicates + (columns == null ? "" : Arrays.toString(columns));
  }
}
