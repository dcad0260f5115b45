package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact COUNT(DISTINCT x): per group a map from value to weighted count, so a retraction removes a value once
 * its count returns to 0. Long- and double-stored values use a primitive {@link LongCountMap} (doubles by
 * their {@link StoredValues#distinctBits}); object values a HashMap keyed by {@link StoredValues#distinctKey}.
 * NULL is not counted; an empty group counts 0. A group's map is created with its first value.
 */
final class CountDistinctAccumulator extends AbstractAccumulator {
  private final TypeKind.Storage storage;
  private LongCountMap[] longMaps;
  private HashMap<Object, long[]>[] objectMaps;

  @SuppressWarnings("unchecked")
  CountDistinctAccumulator(AccumulatorSpec spec) {
    super(spec);
    this.storage = spec.argumentType().storage();
    if (storage == TypeKind.Storage.OBJECT) {
      objectMaps = new HashMap[0];
    } else {
      longMaps = new LongCountMap[0];
    }
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    if (longMaps != null) {
      longMaps = Arrays.copyOf(longMaps, newCapacity);
    } else {
      objectMaps = Arrays.copyOf(objectMaps, newCapacity);
    }
  }

  @Override
  public void clear(int slot) {
    if (longMaps != null) {
      longMaps[slot] = null;
    } else {
      objectMaps[slot] = null;
    }
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    Column column = batch.column(argumentColumn);
    boolean[] nulls = column.nulls;
    long[] longs = storage == TypeKind.Storage.LONG ? ((LongColumn) column).values : null;
    double[] doubles = storage == TypeKind.Storage.DOUBLE ? ((DoubleColumn) column).values : null;
    Object[] objects = storage == TypeKind.Storage.OBJECT ? ((ObjectColumn) column).values : null;
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter) || nulls[r]) {
        continue;
      }
      long weight = weights == null ? 1 : weights[r];
      if (objects != null) {
        addObject(slot, StoredValues.distinctKey(objects[r]), weight);
      } else {
        long key = longs != null ? longs[r] : StoredValues.distinctBits(doubles[r]);
        longMap(slot).add(key, weight);
      }
    }
  }

  private LongCountMap longMap(int slot) {
    LongCountMap map = longMaps[slot];
    if (map == null) {
      map = new LongCountMap();
      longMaps[slot] = map;
    }
    return map;
  }

  private void addObject(int slot, Object key, long weight) {
    if (weight == 0) {
      return;
    }
    HashMap<Object, long[]> map = objectMaps[slot];
    if (map == null) {
      map = new HashMap<>();
      objectMaps[slot] = map;
    }
    long[] count = map.get(key);
    if (count == null) {
      map.put(key, new long[] {weight});
    } else if ((count[0] += weight) == 0) {
      map.remove(key);
    }
  }

  @Override
  public void merge(int target, int source) {
    if (longMaps != null) {
      LongCountMap from = longMaps[source];
      if (from == null) {
        return;
      }
      LongCountMap to = longMap(target);
      for (int i = 0; i < from.capacity(); i++) {
        long count = from.countAt(i);
        if (count != 0) {
          to.add(from.keyAt(i), count);
        }
      }
    } else if (objectMaps[source] != null) {
      for (Map.Entry<Object, long[]> e : objectMaps[source].entrySet()) {
        addObject(target, e.getKey(), e.getValue()[0]);
      }
    }
  }

  private int distinctCount(int slot) {
    if (longMaps != null) {
      return longMaps[slot] == null ? 0 : longMaps[slot].size();
    }
    return objectMaps[slot] == null ? 0 : objectMaps[slot].size();
  }

  @Override
  public void write(int slot, Column out, int row) {
    ResultWriter.writeLong(distinctCount(slot), resultType(), out, row);
  }

  @Override
  public boolean canRetract() {
    return true;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    out.writeInt(distinctCount(slot));
    if (longMaps != null) {
      LongCountMap map = longMaps[slot];
      if (map != null) {
        for (int i = 0; i < map.capacity(); i++) {
          if (map.countAt(i) != 0) {
            out.writeLong(map.keyAt(i));
            out.writeLong(map.countAt(i));
          }
        }
      }
    } else if (objectMaps[slot] != null) {
      for (Map.Entry<Object, long[]> e : objectMaps[slot].entrySet()) {
        StoredValues.write(out, StoredValues.fromDistinctKey(e.getKey()));
        out.writeLong(e.getValue()[0]);
      }
    }
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    clear(slot);
    int size = in.readInt();
    for (int i = 0; i < size; i++) {
      if (longMaps != null) {
        long key = in.readLong();
        longMap(slot).add(key, in.readLong());
      } else {
        Object key = StoredValues.distinctKey(StoredValues.read(in));
        addObject(slot, key, in.readLong());
      }
    }
  }

  @Override
  public long sizeBytes(int slots) {
    long bytes = 8L * slots;
    int n = Math.min(slots, capacity);
    for (int i = 0; i < n; i++) {
      if (longMaps != null && longMaps[i] != null) {
        bytes += 48 + 16L * longMaps[i].capacity();
      } else if (objectMaps != null && objectMaps[i] != null) {
        bytes += 64 + 96L * objectMaps[i].size();
      }
    }
    return bytes;
  }
}
