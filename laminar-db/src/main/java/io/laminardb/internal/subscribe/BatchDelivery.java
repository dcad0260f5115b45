package io.laminardb.internal.subscribe;

import io.laminardb.ColumnInfo;
import io.laminardb.ResultBatch;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.pipeline.StepListener;
import io.laminardb.core.pipeline.StreamNode;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.value.ValueCodec;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Hands each step's output batch to a callback on the compute thread through one reused columnar view: no
 * result {@code Row}s are built, so a consumer that reads primitives costs the engine nothing per row.
 */
public final class BatchDelivery implements StepListener, AutoCloseable, ResultBatch {
  private final String name;
  private final StreamNode node;
  private final Schema schema;
  private final List<ColumnInfo> columns;
  private final Consumer<ResultBatch> callback;
  private final BiConsumer<String, LaminarException> errors;
  private volatile boolean closed;
  private Batch current;

  public BatchDelivery(String name, StreamNode node, List<ColumnInfo> columns, Consumer<ResultBatch> callback,
      BiConsumer<String, LaminarException> errors) {
    this.name = name;
    this.node = node;
    this.schema = node.schema();
    this.columns = columns;
    this.callback = callback;
    this.errors = errors;
  }

  @Override
  public void onStepOutput(Batch rows) {
    if (closed || rows.rowCount() == 0) {
      return;
    }
    current = rows;
    try {
      callback.accept(this);
    } catch (RuntimeException e) {
      errors.accept(name, new LaminarException(ErrorCode.QUERY_EXECUTION,
          "batch subscription callback of '" + name + "' threw " + e, e));
    } finally {
      current = null;
    }
  }

  @Override
  public int rowCount() {
    return batch().rowCount();
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public boolean isNull(int column, int row) {
    return batch().column(column).isNull(row);
  }

  @Override
  public long getLong(int column, int row) {
    Column c = batch().column(column);
    if (c instanceof LongColumn longs) {
      return longs.values[row];
    }
    throw wrongType(column, "getLong");
  }

  @Override
  public double getDouble(int column, int row) {
    Column c = batch().column(column);
    if (c instanceof DoubleColumn doubles) {
      return doubles.values[row];
    }
    if (c instanceof LongColumn longs && isInteger(column)) {
      return longs.values[row];
    }
    throw wrongType(column, "getDouble");
  }

  @Override
  public Object get(int column, int row) {
    return ValueCodec.toJava(schema.field(column).type(), batch().getStored(column, row));
  }

  private boolean isInteger(int column) {
    return switch (schema.field(column).type().kind()) {
      case SMALLINT, INT, BIGINT -> true;
      default -> false;
    };
  }

  private Batch batch() {
    Batch b = current;
    if (b == null) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "a ResultBatch of '" + name
          + "' was used after its callback returned; copy the values you keep");
    }
    return b;
  }

  private LaminarException wrongType(int column, String getter) {
    return new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, getter + " on column '"
        + schema.field(column).name() + "' of '" + name + "', which is " + schema.field(column).type().sql()
        + "; use get()");
  }

  @Override
  public void close() {
    closed = true;
    node.removeListener(this);
  }
}
