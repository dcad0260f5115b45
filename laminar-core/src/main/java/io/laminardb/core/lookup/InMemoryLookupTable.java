package io.laminardb.core.lookup;

import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link LookupSource} holding every row in memory, one per primary key (last writer wins): the join side of
 * a CREATE TABLE. A single integer-like key uses a primitive index so probes do not box. Single writer: rows
 * are changed on the compute thread (table writes are ordered with steps), where joins also read them.
 */
public final class InMemoryLookupTable implements LookupSource {
  private final Schema schema;
  private final int[] primaryKey;
  private final LongRowMap byLong;
  private final Map<RowKey, Object[]> byKey;
  private final RowKey probe;

  public InMemoryLookupTable(Schema schema, int[] primaryKey) {
    if (primaryKey.length == 0) {
      throw new IllegalArgumentException("a lookup table needs a primary key");
    }
    this.schema = schema;
    this.primaryKey = primaryKey.clone();
    boolean longKey = primaryKey.length == 1
        && schema.field(primaryKey[0]).type().storage() == TypeKind.Storage.LONG;
    this.byLong = longKey ? new LongRowMap() : null;
    this.byKey = longKey ? null : new HashMap<>();
    this.probe = longKey ? null : new RowKey(new Object[primaryKey.length]);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  /** Inserts or replaces the row with the same key; the array is kept, so the caller must not change it. */
  public void upsert(Object[] row) {
    if (byLong != null) {
      Object k = row[primaryKey[0]];
      if (k != null) {
        byLong.put((Long) k, row);
      }
      return;
    }
    Object[] key = new Object[primaryKey.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[primaryKey[i]];
    }
    byKey.put(new RowKey(key), row);
  }

  /** Removes the row with this key (values in primary-key order); absent keys are ignored. */
  public void delete(Object[] key) {
    if (byLong != null) {
      if (key[0] != null) {
        byLong.remove((Long) key[0]);
      }
      return;
    }
    byKey.remove(new RowKey(key.clone()));
  }

  public int size() {
    return byLong != null ? byLong.size() : byKey.size();
  }

  @Override
  public Object[] lookup(Object[] key) {
    if (byLong != null) {
      return key[0] == null ? null : byLong.get((Long) key[0]);
    }
    probe.set(key);
    Object[] row = byKey.get(probe);
    probe.set(null);
    return row;
  }

  @Override
  public Object[] lookupLong(long key) {
    return byLong != null ? byLong.get(key) : lookup(new Object[] {key});
  }

  @Override
  public long sizeBytes() {
    return (long) size() * (48 + 24L * schema.size());
  }

  /** Calls {@code action} with every row (storage form, not to be changed). */
  public void forEachRow(java.util.function.Consumer<Object[]> action) {
    if (byLong != null) {
      byLong.forEach(action);
    } else {
      byKey.values().forEach(action);
    }
  }
}
