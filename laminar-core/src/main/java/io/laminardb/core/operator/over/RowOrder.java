package io.laminardb.core.operator.over;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;

/** Compares rows by the ORDER BY keys of a top-N operator; negative when the first ranks better. */
final class RowOrder {
  private final SortKey[] keys;

  RowOrder(SortKey[] keys) {
    this.keys = keys.clone();
  }

  int compare(Batch a, int rowA, Batch b, int rowB) {
    for (SortKey key : keys) {
      int c = compare(a.column(key.column()), rowA, b.column(key.column()), rowB, key);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Column a, int rowA, Column b, int rowB, SortKey key) {
    boolean aNull = a.nulls[rowA];
    boolean bNull = b.nulls[rowB];
    if (aNull || bNull) {
      if (aNull == bNull) {
        return 0;
      }
      return aNull == key.isNullsFirst() ? -1 : 1;
    }
    int c;
    if (a instanceof LongColumn la) {
      c = Long.compare(la.values[rowA], ((LongColumn) b).values[rowB]);
    } else if (a instanceof DoubleColumn da) {
      c = Double.compare(da.values[rowA], ((DoubleColumn) b).values[rowB]);
    } else {
      Object x = ((ObjectColumn) a).values[rowA];
      Object y = ((ObjectColumn) b).values[rowB];
      c = x instanceof Comparable cx ? cx.compareTo(y) : 0;
    }
    return key.isDescending() ? -c : c;
  }
}
