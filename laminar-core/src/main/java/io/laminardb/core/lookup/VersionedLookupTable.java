package io.laminardb.core.lookup;

import io.laminardb.core.type.Schema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every version of every key of a table, by the version column (epoch ms): an upsert adds a version, or
 * replaces the one with the same version time; rows with a NULL version time are ignored. Versions are
 * never retracted (spec §22 C17). Single writer, on the compute thread, like {@link InMemoryLookupTable}.
 */
public final class VersionedLookupTable implements VersionedLookupSource {
  private final Schema schema;
  private final int[] primaryKey;
  private final int versionColumn;
  private final Map<RowKey, Versions> byKey = new HashMap<>();
  private final RowKey probe = new RowKey(null);
  private long versions;

  public VersionedLookupTable(Schema schema, int[] primaryKey, int versionColumn) {
    this.schema = schema;
    this.primaryKey = primaryKey.clone();
    this.versionColumn = versionColumn;
  }

  public int versionColumn() {
    return versionColumn;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  /** Adds {@code row} as a version of its key; the array is kept, so the caller must not change it. */
  public void upsert(Object[] row) {
    if (!(row[versionColumn] instanceof Long time)) {
      return;
    }
    Object[] key = new Object[primaryKey.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[primaryKey[i]];
    }
    Versions v = byKey.computeIfAbsent(new RowKey(key), k -> new Versions());
    if (v.put(time, row)) {
      versions++;
    }
  }

  @Override
  public Object[] lookup(Object[] key) {
    Versions v = find(key);
    return v == null ? null : v.rows[v.size - 1];
  }

  @Override
  public Object[] lookupAsOf(Object[] key, long time) {
    Versions v = find(key);
    return v == null ? null : v.asOf(time);
  }

  private Versions find(Object[] key) {
    probe.set(key);
    Versions v = byKey.get(probe);
    probe.set(null);
    return v;
  }

  @Override
  public long sizeBytes() {
    return versions * (56 + 24L * schema.size());
  }

  /** One key's versions in version-time order. */
  private static final class Versions {
    long[] times = new long[2];
    Object[][] rows = new Object[2][];
    int size;

    /** True when a version was added (false when one with the same time was replaced). */
    boolean put(long time, Object[] row) {
      int at = Arrays.binarySearch(times, 0, size, time);
      if (at >= 0) {
        rows[at] = row;
        return false;
      }
      at = -at - 1;
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        rows = Arrays.copyOf(rows, size * 2);
      }
      System.arraycopy(times, at, times, at + 1, size - at);
      System.arraycopy(rows, at, rows, at + 1, size - at);
      times[at] = time;
      rows[at] = row;
      size++;
      return true;
    }

    Object[] asOf(long time) {
      int at = Arrays.binarySearch(times, 0, size, time);
      int index = at >= 0 ? at : -at - 2;
      return index >= 0 ? rows[index] : null;
    }
  }
}
