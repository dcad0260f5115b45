package io.laminardb.core.state;

import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import io.laminardb.core.type.TypeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Writes and reads single column values for snapshots: a null flag, then the value by storage kind. */
public final class ColumnCodec {
  private ColumnCodec() {}

  /** Writes every column of {@code row} of {@code batch}, in column order. */
  public static void writeRow(io.laminardb.core.batch.Batch batch, int row, DataOutput out) throws IOException {
    for (int c = 0; c < batch.columnCount(); c++) {
      write(batch.column(c), row, batch.schema().field(c).type().kind(), out);
    }
  }

  /** Reads a row written by {@link #writeRow} into {@code row} of {@code batch}. */
  public static void readRow(io.laminardb.core.batch.Batch batch, int row, DataInput in) throws IOException {
    for (int c = 0; c < batch.columnCount(); c++) {
      read(batch.column(c), row, batch.schema().field(c).type().kind(), in);
    }
  }

  public static void write(Column column, int row, TypeKind kind, DataOutput out) throws IOException {
    boolean isNull = column.nulls[row];
    out.writeBoolean(isNull);
    if (isNull) {
      return;
    }
    switch (column) {
      case LongColumn c -> out.writeLong(c.values[row]);
      case DoubleColumn c -> out.writeDouble(c.values[row]);
      case ObjectColumn c -> writeObject(c.values[row], kind, out);
    }
  }

  public static void read(Column column, int row, TypeKind kind, DataInput in) throws IOException {
    boolean isNull = in.readBoolean();
    column.nulls[row] = isNull;
    switch (column) {
      case LongColumn c -> c.values[row] = isNull ? 0L : in.readLong();
      case DoubleColumn c -> c.values[row] = isNull ? 0d : in.readDouble();
      case ObjectColumn c -> c.values[row] = isNull ? null : readObject(kind, in);
    }
  }

  private static void writeObject(Object value, TypeKind kind, DataOutput out) throws IOException {
    if (kind == TypeKind.ARRAY) {
      TaggedValues.write(out, value);
      return;
    }
    byte[] bytes = switch (kind) {
      case BINARY -> (byte[]) value;
      case DECIMAL -> ((BigDecimal) value).toString().getBytes(StandardCharsets.UTF_8);
      default -> value.toString().getBytes(StandardCharsets.UTF_8);
    };
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static Object readObject(TypeKind kind, DataInput in) throws IOException {
    if (kind == TypeKind.ARRAY) {
      return TaggedValues.read(in);
    }
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return switch (kind) {
      case BINARY -> bytes;
      case DECIMAL -> new BigDecimal(new String(bytes, StandardCharsets.UTF_8));
      default -> new String(bytes, StandardCharsets.UTF_8);
    };
  }
}
