package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Batches of (argument, event time, FILTER flag) rows and result read-back for accumulator tests. */
final class AccumulatorFixtures {
  static final int ARGUMENT = 0;
  static final int TIME = 1;
  static final int FILTER = 2;

  static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  static final DataType INT = DataType.of(TypeKind.INT);
  static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  static final DataType DECIMAL = DataType.of(TypeKind.DECIMAL, 12, 2);
  static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  static final DataType BOOLEAN = DataType.of(TypeKind.BOOLEAN);

  private AccumulatorFixtures() {}

  static Schema schema(DataType argumentType) {
    return Schema.of(new Field("x", argumentType), new Field("ts", BIGINT), new Field("f", BOOLEAN));
  }

  /** A spec over column 0 without time column or FILTER, with the default result type. */
  static AccumulatorSpec spec(AggregateKind kind, DataType argumentType) {
    return spec(kind, argumentType, -1, -1);
  }

  static AccumulatorSpec spec(AggregateKind kind, DataType argumentType, int timeColumn, int filterColumn) {
    return new AccumulatorSpec(kind, kind == AggregateKind.COUNT_STAR ? -1 : ARGUMENT, argumentType,
        timeColumn, Accumulators.resultType(kind, argumentType), filterColumn);
  }

  static Accumulator create(AggregateKind kind, DataType argumentType) {
    Accumulator accumulator = Accumulators.create(spec(kind, argumentType));
    accumulator.ensureCapacity(4);
    return accumulator;
  }

  /** Converts test-friendly values (Integer, Boolean) to storage form. */
  static Object stored(Object value) {
    return switch (value) {
      case null -> null;
      case Integer i -> (long) i;
      case Boolean b -> b ? 1L : 0L;
      default -> value;
    };
  }

  /** One batch with the given argument values; event time = row index; FILTER column all true. */
  static Batch batch(DataType argumentType, Object... values) {
    long[] times = new long[values.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = i;
    }
    return batch(argumentType, values, times, null);
  }

  /** One batch; {@code times} null entries are not possible here, use {@link #setNull} afterwards. */
  static Batch batch(DataType argumentType, Object[] values, long[] times, Boolean[] filters) {
    Batch batch = new Batch(schema(argumentType), Math.max(1, values.length));
    for (int r = 0; r < values.length; r++) {
      batch.column(ARGUMENT).setStored(r, stored(values[r]));
      batch.column(TIME).setStored(r, times == null ? (long) r : times[r]);
      batch.column(FILTER).setStored(r, filters == null ? (Long) 1L : stored(filters[r]));
    }
    batch.setRowCount(values.length);
    return batch;
  }

  static void setNull(Batch batch, int column, int row) {
    batch.column(column).setStored(row, null);
  }

  static int[] slots(int... slots) {
    return slots;
  }

  /** Same slot for {@code n} rows. */
  static int[] allIn(int slot, int n) {
    int[] slots = new int[n];
    java.util.Arrays.fill(slots, slot);
    return slots;
  }

  static Column newColumn(DataType type, int capacity) {
    return switch (type.storage()) {
      case LONG -> new LongColumn(capacity);
      case DOUBLE -> new DoubleColumn(capacity);
      case OBJECT -> new ObjectColumn(capacity);
    };
  }

  /** The result of {@code slot} in storage form (Long, Double, object) or null. */
  static Object result(Accumulator accumulator, int slot) {
    Column out = newColumn(accumulator.resultType(), 1);
    accumulator.write(slot, out, 0);
    return out.getStored(0);
  }

  static void add(Accumulator accumulator, Batch batch, int[] slots) {
    accumulator.add(batch, slots, batch.rowCount(), null, null);
  }

  static void add(Accumulator accumulator, Batch batch, int[] slots, long[] weights) {
    accumulator.add(batch, slots, batch.rowCount(), weights, null);
  }

  /** Snapshots slots [0, slots) of {@code source} and restores them into a fresh accumulator for {@code spec}. */
  static Accumulator copyBySnapshot(Accumulator source, AccumulatorSpec spec, int slots) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      for (int s = 0; s < slots; s++) {
        source.snapshot(s, out);
      }
      out.flush();
      Accumulator restored = Accumulators.create(spec);
      restored.ensureCapacity(slots);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
      for (int s = 0; s < slots; s++) {
        restored.restore(s, in);
      }
      if (in.read() != -1) {
        throw new AssertionError("snapshot not fully consumed");
      }
      return restored;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
