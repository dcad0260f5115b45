package io.laminardb.internal.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queryable rows of a materialized view (the most recent rows, bounded) or a table (one row per
 * primary key, last writer wins). Rows are in storage form. Written by the compute thread or under the DDL
 * lock, read by ad-hoc queries from any thread.
 */
public final class RowStore {
  private final int[] keyColumns;
  private final int capacity;
  private final ArrayDeque<Object[]> recent = new ArrayDeque<>();
  private final Map<List<Object>, Object[]> byKey = new LinkedHashMap<>();

  private RowStore(int[] keyColumns, int capacity) {
    this.keyColumns = keyColumns;
    this.capacity = capacity;
  }

  /** Keeps the latest {@code capacity} rows. */
  public static RowStore recentRows(int capacity) {
    return new RowStore(null, capacity);
  }

  /** Upserts by the given key columns. */
  public static RowStore keyed(int[] keyColumns) {
    return new RowStore(keyColumns, Integer.MAX_VALUE);
  }

  public synchronized void upsert(Object[] row) {
    if (keyColumns == null) {
      recent.addLast(row);
      if (recent.size() > capacity) {
        recent.removeFirst();
      }
      return;
    }
    List<Object> key = new ArrayList<>(keyColumns.length);
    for (int k : keyColumns) {
      key.add(row[k]);
    }
    byKey.remove(key);
    byKey.put(key, row);
  }

  /** Removes the row with these key values (keyed stores). */
  public synchronized void deleteKey(List<Object> key) {
    if (keyColumns != null) {
      byKey.remove(key);
    }
  }

  /** Removes a row a changelog retracted: by key when keyed, else one equal row. */
  public synchronized void retract(Object[] row) {
    if (keyColumns != null) {
      List<Object> key = new ArrayList<>(keyColumns.length);
      for (int k : keyColumns) {
        key.add(row[k]);
      }
      byKey.remove(key);
      return;
    }
    var it = recent.iterator();
    while (it.hasNext()) {
      if (java.util.Arrays.deepEquals(it.next(), row)) {
        it.remove();
        return;
      }
    }
  }

  public synchronized List<Object[]> snapshot() {
    return keyColumns == null ? new ArrayList<>(recent) : new ArrayList<>(byKey.values());
  }

  /** Replaces the contents with rows saved by a checkpoint. */
  public synchronized void restore(List<Object[]> rows) {
    recent.clear();
    byKey.clear();
    for (Object[] row : rows) {
      upsert(row);
    }
    restoreListener.accept(rows);
  }

  private java.util.function.Consumer<List<Object[]>> restoreListener = rows -> { };

  /**
   * Told about every {@link #restore}: a table's other copies (the join side of a keyed table) follow the
   * restored rows. Restores happen on recovery, before the pipeline runs.
   */
  public synchronized void onRestore(java.util.function.Consumer<List<Object[]>> listener) {
    this.restoreListener = listener;
  }

  public synchronized int size() {
    return keyColumns == null ? recent.size() : byKey.size();
  }
}
