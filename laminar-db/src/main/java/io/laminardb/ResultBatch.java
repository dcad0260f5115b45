package io.laminardb;

import java.util.List;

/**
 * One step's result rows of a stream as a read-only columnar view, handed to a
 * {@link LaminarDB#subscribeBatches batch subscription} on the compute thread. The view and everything read
 * from it with the primitive getters cost no allocation; it is valid only during the callback (the engine
 * reuses it), so copy what you keep. Columns and rows are zero-based.
 */
public interface ResultBatch {
  int rowCount();

  /** The stream's columns, in position order. */
  List<ColumnInfo> columns();

  boolean isNull(int column, int row);

  /**
   * The value of a BIGINT, INT, SMALLINT or BOOLEAN (1/0) column, or of a TIMESTAMP (epoch milliseconds),
   * DATE (epoch days), TIME (milliseconds of the day) or INTERVAL (milliseconds, or months for YEAR TO MONTH)
   * column; 0 when NULL. Other columns are {@code LDB-1200}.
   */
  long getLong(int column, int row);

  /** The value of a DOUBLE or FLOAT column, or an integer column widened; 0 when NULL. */
  double getDouble(int column, int row);

  /** The value as {@link Row#get(int)} would return it (boxed; allocates for primitive columns). */
  Object get(int column, int row);
}
