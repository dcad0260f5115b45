package io.laminardb.core.batch;

import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;

/**
 * A columnar set of rows sharing one schema. Batches are mutable and reused by their producer: a consumer
 * must copy whatever it wants to keep after the call that handed it the batch returns.
 */
public final class Batch {
  private final Schema schema;
  private final Column[] columns;
  private int rowCount;

  public Batch(Schema schema, int capacity) {
    this.schema = schema;
    this.columns = new Column[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = newColumn(schema.field(i), capacity);
    }
  }

  public Batch(Schema schema, Column[] columns, int rowCount) {
    this.schema = schema;
    this.columns = columns;
    this.rowCount = rowCount;
  }

  private static Column newColumn(Field field, int capacity) {
    return switch (field.type().storage()) {
      case LONG -> new LongColumn(capacity);
      case DOUBLE -> new DoubleColumn(capacity);
      case OBJECT -> new ObjectColumn(capacity);
    };
  }

  public Schema schema() {
    return schema;
  }

  public int rowCount() {
    return rowCount;
  }

  public void setRowCount(int rowCount) {
    this.rowCount = rowCount;
  }

  public int columnCount() {
    return columns.length;
  }

  public Column column(int index) {
    return columns[index];
  }

  public LongColumn longColumn(int index) {
    return (LongColumn) columns[index];
  }

  public DoubleColumn doubleColumn(int index) {
    return (DoubleColumn) columns[index];
  }

  public ObjectColumn objectColumn(int index) {
    return (ObjectColumn) columns[index];
  }

  /** Makes room for {@code capacity} rows, keeping the current rows. */
  public void ensureCapacity(int capacity) {
    for (Column c : columns) {
      c.ensureCapacity(capacity, rowCount);
    }
  }

  /** Drops all rows; arrays are kept for reuse. Object references are cleared so they can be collected. */
  public void clear() {
    for (Column c : columns) {
      if (c instanceof ObjectColumn oc) {
        java.util.Arrays.fill(oc.values, 0, rowCount, null);
      }
    }
    rowCount = 0;
  }

  /** Appends all rows of {@code other}, which must have the same column layout. */
  public void append(Batch other) {
    int n = other.rowCount;
    ensureCapacity(rowCount + n);
    for (int i = 0; i < columns.length; i++) {
      columns[i].copyFrom(other.columns[i], 0, rowCount, n);
    }
    rowCount += n;
  }

  /** Appends one row of {@code other}, which must have the same column layout. */
  public void appendRow(Batch other, int row) {
    ensureCapacity(rowCount + 1);
    for (int i = 0; i < columns.length; i++) {
      columns[i].copyRow(other.columns[i], row, rowCount);
    }
    rowCount++;
  }

  /** A deep copy holding exactly the current rows. */
  public Batch copy() {
    Batch b = new Batch(schema, Math.max(1, rowCount));
    b.append(this);
    return b;
  }

  /** Reads a value in storage form (Long, Double or object); for tests and cold paths. */
  public Object getStored(int column, int row) {
    return columns[column].getStored(row);
  }
}
