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

/**
 * FIRST_VALUE / LAST_VALUE per spec §8.2: FIRST is the value of the row with the smallest event time, ties
 * going to the earliest arrival; LAST is the value of the row with the largest event time, ties going to
 * the latest arrival. Without a time column ({@code timeColumn == -1}) arrival order alone decides.
 *
 * <p>Arrival order is a sequence number this accumulator gives every row it accepts (row order within a
 * batch, call order across batches); it is kept per group so that session merges and restored snapshots
 * order ties exactly as an uninterrupted run would. NULL argument values are values (RESPECT NULLS); rows
 * whose event time is NULL have no place in event-time order and are ignored. Retraction is optional in
 * the spec and not supported: a negative weight fails with LDB-1001; a weight of 0 is ignored.
 */
final class FirstLastAccumulator extends AbstractAccumulator {
  private final boolean isLast;
  private final int timeColumn;
  private final TypeKind.Storage storage;
  private boolean[] hasRow = new boolean[0];
  private long[] times = new long[0];
  private long[] arrivals = new long[0];
  private boolean[] valueNulls = new boolean[0];
  private long[] longValues;
  private double[] doubleValues;
  private Object[] objectValues;
  private long nextArrival;

  FirstLastAccumulator(AccumulatorSpec spec) {
    super(spec);
    this.isLast = spec.kind() == AggregateKind.LAST_VALUE;
    this.timeColumn = spec.timeColumn();
    this.storage = spec.argumentType().storage();
    switch (storage) {
      case LONG -> longValues = new long[0];
      case DOUBLE -> doubleValues = new double[0];
      case OBJECT -> objectValues = new Object[0];
    }
    ensureCapacity(INITIAL_CAPACITY);
  }

  @Override
  void grow(int newCapacity) {
    hasRow = Arrays.copyOf(hasRow, newCapacity);
    times = Arrays.copyOf(times, newCapacity);
    arrivals = Arrays.copyOf(arrivals, newCapacity);
    valueNulls = Arrays.copyOf(valueNulls, newCapacity);
    switch (storage) {
      case LONG -> longValues = Arrays.copyOf(longValues, newCapacity);
      case DOUBLE -> doubleValues = Arrays.copyOf(doubleValues, newCapacity);
      case OBJECT -> objectValues = Arrays.copyOf(objectValues, newCapacity);
    }
  }

  @Override
  public void clear(int slot) {
    hasRow[slot] = false;
    times[slot] = 0;
    arrivals[slot] = 0;
    valueNulls[slot] = false;
    switch (storage) {
      case LONG -> longValues[slot] = 0;
      case DOUBLE -> doubleValues[slot] = 0;
      case OBJECT -> objectValues[slot] = null;
    }
  }

  @Override
  public void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include) {
    LongColumn filter = filter(batch);
    LongColumn timeColumnValues = timeColumn < 0 ? null : batch.longColumn(timeColumn);
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
      if (timeColumnValues != null) {
        if (timeColumnValues.nulls[r]) {
          continue;
        }
        time = timeColumnValues.values[r];
      }
      long arrival = nextArrival++;
      if (!hasRow[slot] || (isLast ? time >= times[slot] : time < times[slot])) {
        hasRow[slot] = true;
        times[slot] = time;
        arrivals[slot] = arrival;
        store(slot, column, r);
      }
    }
  }

  private void store(int slot, Column column, int row) {
    boolean isNull = column.nulls[row];
    valueNulls[slot] = isNull;
    switch (storage) {
      case LONG -> longValues[slot] = ((LongColumn) column).values[row];
      case DOUBLE -> doubleValues[slot] = ((DoubleColumn) column).values[row];
      case OBJECT -> objectValues[slot] = isNull ? null : ((ObjectColumn) column).values[row];
    }
  }

  @Override
  public void merge(int target, int source) {
    if (!hasRow[source]) {
      return;
    }
    boolean isSourceChosen;
    if (!hasRow[target]) {
      isSourceChosen = true;
    } else if (times[source] != times[target]) {
      isSourceChosen = isLast == (times[source] > times[target]);
    } else {
      isSourceChosen = isLast == (arrivals[source] > arrivals[target]);
    }
    if (isSourceChosen) {
      hasRow[target] = true;
      times[target] = times[source];
      arrivals[target] = arrivals[source];
      valueNulls[target] = valueNulls[source];
      switch (storage) {
        case LONG -> longValues[target] = longValues[source];
        case DOUBLE -> doubleValues[target] = doubleValues[source];
        case OBJECT -> objectValues[target] = objectValues[source];
      }
    }
  }

  @Override
  public void write(int slot, Column out, int row) {
    if (!hasRow[slot] || valueNulls[slot]) {
      ResultWriter.writeNull(out, row);
      return;
    }
    switch (storage) {
      case LONG -> ResultWriter.writeLong(longValues[slot], resultType(), out, row);
      case DOUBLE -> ResultWriter.writeDouble(doubleValues[slot], resultType(), out, row);
      case OBJECT -> ResultWriter.writeStored(objectValues[slot], resultType(), out, row);
    }
  }

  @Override
  public boolean canRetract() {
    return false;
  }

  @Override
  public void snapshot(int slot, DataOutput out) throws IOException {
    out.writeBoolean(hasRow[slot]);
    if (!hasRow[slot]) {
      return;
    }
    out.writeLong(times[slot]);
    out.writeLong(arrivals[slot]);
    out.writeBoolean(valueNulls[slot]);
    switch (storage) {
      case LONG -> out.writeLong(longValues[slot]);
      case DOUBLE -> out.writeDouble(doubleValues[slot]);
      case OBJECT -> StoredValues.write(out, objectValues[slot]);
    }
  }

  @Override
  public void restore(int slot, DataInput in) throws IOException {
    ensureCapacity(slot + 1);
    clear(slot);
    if (!in.readBoolean()) {
      return;
    }
    hasRow[slot] = true;
    times[slot] = in.readLong();
    arrivals[slot] = in.readLong();
    valueNulls[slot] = in.readBoolean();
    switch (storage) {
      case LONG -> longValues[slot] = in.readLong();
      case DOUBLE -> doubleValues[slot] = in.readDouble();
      case OBJECT -> objectValues[slot] = StoredValues.read(in);
    }
    // rows added after the restore arrive after every restored row
    nextArrival = Math.max(nextArrival, arrivals[slot] + 1);
  }

  @Override
  public long sizeBytes(int slots) {
    return (storage == TypeKind.Storage.OBJECT ? 80L : 34L) * slots;
  }
}
