package io.laminardb.core.operator.over;

import io.laminardb.core.batch.LongColumn;

/**
 * The order in which the rows of one batch enter their partitions: stably sorted by event time, NULL times
 * last (spec §11.1). A bottom-up merge sort over reused index arrays: no allocation once warm, and an
 * already ordered batch (the common case) costs one pass.
 */
final class StableTimeOrder {
  private int[] order = new int[64];
  private int[] scratch = new int[64];

  /** Row indices of the first {@code rows} rows in processing order; valid until the next call. */
  int[] sort(LongColumn time, int rows) {
    if (order.length < rows) {
      order = new int[Math.max(rows, order.length * 2)];
      scratch = new int[order.length];
    }
    boolean sorted = true;
    for (int i = 0; i < rows; i++) {
      order[i] = i;
      if (i > 0 && sorted && after(time, i - 1, i)) {
        sorted = false;
      }
    }
    if (sorted) {
      return order;
    }
    int[] from = order;
    int[] to = scratch;
    for (int width = 1; width < rows; width *= 2) {
      for (int lo = 0; lo < rows; lo += 2 * width) {
        int mid = Math.min(lo + width, rows);
        int hi = Math.min(lo + 2 * width, rows);
        int a = lo;
        int b = mid;
        int k = lo;
        while (a < mid && b < hi) {
          to[k++] = after(time, from[a], from[b]) ? from[b++] : from[a++];
        }
        while (a < mid) {
          to[k++] = from[a++];
        }
        while (b < hi) {
          to[k++] = from[b++];
        }
      }
      int[] t = from;
      from = to;
      to = t;
    }
    order = from;
    scratch = to;
    return order;
  }

  /** Whether row {@code a} must come strictly after row {@code b}. */
  private static boolean after(LongColumn time, int a, int b) {
    boolean aNull = time.nulls[a];
    boolean bNull = time.nulls[b];
    if (aNull || bNull) {
      return aNull && !bNull;
    }
    return time.values[a] > time.values[b];
  }
}
