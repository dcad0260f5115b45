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
import java.util.Collections;

/**
 * ARRAY_AGG: the group's values in event-time order, ties in arrival order (like FIRST/LAST_VALUE, so the
 * result does not depend on how rows within the allowed lateness were reordered); NULL values are kept, as
 * in PostgreSQL. Without an event-time column arrival order alone decides. Rows whose event time is NULL
 * are ignored. Retraction is not supported (LDB-1001 on a negative weight).
 *
 * <p>Each group keeps parallel primitive arrays sorted by (time, arrival); an in-order row is an append, a
 * late one an insertion. The emitted value is an unmodifiable list of stored values.
 */
final class ArrayAggAccumulator extends AbstractAccumulator {
  private final int timeColumn;
  private final TypeKind.Storage storage;
  private Elements[] groups = new Elements[0];
  private long nextArrival;

  /** One group's elements, sorted by (time, arrival). */
  private static final class Elements {
    int size;
    long[] times = new long[4];
    long[] arrivals = new long[4];
    boolean[] nulls = new boolean[4];
    long[] longs;
    double[] doubles;
    Object[] objects;

    Elements(TypeKind.Storage storage) {
      switch (storage) {
        case LONG -> longs = new long[4];
        case DOUBLE -> doubles = new double[4];
        case OBJECT -> objects = new Object[4];
      }
    }

    void ensureRoom() {
      if (size < times.length) {
        return;
      }
      int n = times.length * 2;
      times = Arrays.copyOf(times, n);
      arrivals = Arrays.copyOf(arrivals, n);
      nulls = Arrays.copyOf(nulls, n);
      if (longs != null) {
        longs = Arrays.copyOf(longs, n);
      } else if (doubles != null) {
        doubles = Arrays.copyOf(doubles, n);
      } else {
        objects = Arrays.copyOf(objects, n);
      }
    }

    /** Index at which an element of {@code time} arriving after every present one belongs. */
    int insertionPoint(long time) {
      if (size == 0 || times[size - 1] <= time) {
        return size;
      }
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] <= time) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Opens a gap at {@code at} and records time and arrival there; the caller sets the value. */
    void openAt(int at, long time, long arrival) {
      ensureRoom();
      int tail = size - at;
      if (tail > 0) {
        System.arraycopy(times, at, times, at + 1, tail);
        System.arraycopy(arrivals, at, arrivals, at + 1, tail);
        System.arraycopy(nulls, at, nulls, at + 1, tail);
        if (longs != null) {
          System.arraycopy(longs, at, longs, at + 1, tail);
        } else if (doubles != null) {
          System.arraycopy(doubles, at, doubles, at + 1, tail);
        } else {
          System.arraycopy(objects, at, objects, at + 1, tail);
        }
      }
      times[at] = time;
      arrivals[at] = arrival;
      size++;
    }

    void copyElement(Elements from, int i, int at) {
      nulls[at] = from.nulls[i];
      if (longs != null) {
        longs[at] = from.longs[i];
      } else if (doubles != null) {
        doubles[at] = from.doubles[i];
      } else {
        objects[at] = from.objects[i];
      }
    }
  }

  ArrayAggAccumulator(AccumulatorSpec spec) {
    super(spec);
    this.timeColumn = spec.timeColumn();
    this.storage = spec.argumentType().storage();
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    groups = Arrays.copyOf(groups, newCapacity);
  }

  @Override
  public void clear(int slot) {
    groups[slot] = null;
  }

  private Elements group(int slot) {
    Elements e = groups[slot];
    if (e == null) {
      e = new Elements(storage);
      groups[slot] = e;
    }
    return e;
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    LongColumn timeValues = timeColumn < 0 ? null : batch.longColumn(timeColumn);
    Column column = batch.column(argumentColumn);
    for (int r = 0; r < rowCount; r++) {
      int slot = slots[r];
      if (isSkipped(r, slot, include, filter)) {
        continue;
      }
      if (weights != null && weights[r] <= 0) {
        if (weights[r] < 0) {
          throw retractionUnsupported();
        }
        continue;
      }
      long time = 0;
      if (timeValues != null) {
        if (timeValues.nulls[r]) {
          continue;
        }
        time = timeValues.values[r];
      }
      Elements e = group(slot);
      int at = e.insertionPoint(time);
      e.openAt(at, time, nextArrival++);
      e.nulls[at] = column.nulls[r];
      switch (storage) {
        case LONG -> e.longs[at] = ((LongColumn) column).values[r];
        case DOUBLE -> e.doubles[at] = ((DoubleColumn) column).values[r];
        case OBJECT -> e.objects[at] = column.nulls[r] ? null : ((ObjectColumn) column).values[r];
      }
    }
  }

  @Override
  public void merge(int target, int source) {
    Elements s = groups[source];
    if (s == null || s.size == 0) {
      return;
    }
    Elements t = group(target);
    Elements merged = new Elements(storage);
    int i = 0;
    int j = 0;
    while (i < t.size || j < s.size) {
      boolean fromTarget = j >= s.size || (i < t.size && (t.times[i] < s.times[j]
          || (t.times[i] == s.times[j] && t.arrivals[i] < s.arrivals[j])));
      Elements from = fromTarget ? t : s;
      int index = fromTarget ? i++ : j++;
      merged.openAt(merged.size, from.times[index], from.arrivals[index]);
      merged.copyElement(from, index, merged.size - 1);
    }
    groups[target] = merged;
  }

  @Override
  public void write(int slot, Column out, int row) {
    Elements e = groups[slot];
    if (e == null || e.size == 0) {
      ResultWriter.writeNull(out, row);
      return;
    }
    Object[] values = new Object[e.size];
    for (int i = 0; i < e.size; i++) {
      if (!e.nulls[i]) {
        values[i] = switch (storage) {
          case LONG -> e.longs[i];
          case DOUBLE -> e.doubles[i];
          case OBJECT -> e.objects[i];
        };
      }
    }
    ((ObjectColumn) out).setStored(row, Collections.unmodifiableList(Arrays.asList(values)));
  }

  @Override
  public boolean canRetract() {
    return false;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    Elements e = groups[slot];
    int size = e == null ? 0 : e.size;
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeLong(e.times[i]);
      out.writeLong(e.arrivals[i]);
      out.writeBoolean(e.nulls[i]);
      switch (storage) {
        case LONG -> out.writeLong(e.longs[i]);
        case DOUBLE -> out.writeDouble(e.doubles[i]);
        case OBJECT -> StoredValues.write(out, e.objects[i]);
      }
    }
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    clear(slot);
    int size = in.readInt();
    if (size == 0) {
      return;
    }
    Elements e = group(slot);
    for (int i = 0; i < size; i++) {
      long time = in.readLong();
      long arrival = in.readLong();
      e.openAt(i, time, arrival);
      e.nulls[i] = in.readBoolean();
      switch (storage) {
        case LONG -> e.longs[i] = in.readLong();
        case DOUBLE -> e.doubles[i] = in.readDouble();
        case OBJECT -> e.objects[i] = StoredValues.read(in);
      }
      // rows added after the restore arrive after every restored row
      nextArrival = Math.max(nextArrival, arrival + 1);
    }
  }

  @Override
  public long sizeBytes(int slots) {
    long bytes = 8L * slots;
    for (int s = 0; s < Math.min(slots, groups.length); s++) {
      Elements e = groups[s];
      if (e != null) {
        bytes += 64 + (long) e.times.length * (storage == TypeKind.Storage.OBJECT ? 41 : 25);
      }
    }
    return bytes;
  }
}
