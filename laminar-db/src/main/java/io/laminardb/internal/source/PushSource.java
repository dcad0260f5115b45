package io.laminardb.internal.source;

import io.laminardb.Backpressure;
import io.laminardb.ColumnInfo;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.SourceNode;
import io.laminardb.core.pipeline.StepLoop;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.value.ValueCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Pushes rows into one source: validates and encodes them on the caller's thread (a bad batch ingests
 * nothing), applies back-pressure, and queues the batch as one step.
 */
public final class PushSource implements UntypedSourceHandle {
  private final SourceNode node;
  private final StepLoop loop;
  private final long capacity;
  private final Backpressure policy;
  private final BooleanSupplier running;
  private final List<ColumnInfo> columns;
  private final int partition;
  /** The write-ahead log pushes go through first, or null (durability NONE / in-memory). */
  private final io.laminardb.internal.durability.PushLog log;

  public PushSource(SourceNode node, StepLoop loop, long capacity, Backpressure policy,
      BooleanSupplier running, List<ColumnInfo> columns) {
    this(node, loop, capacity, policy, running, columns, -1, null);
  }

  public PushSource(SourceNode node, StepLoop loop, long capacity, Backpressure policy,
      BooleanSupplier running, List<ColumnInfo> columns, io.laminardb.internal.durability.PushLog log) {
    this(node, loop, capacity, policy, running, columns, -1, log);
  }

  private PushSource(SourceNode node, StepLoop loop, long capacity, Backpressure policy,
      BooleanSupplier running, List<ColumnInfo> columns, int partition,
      io.laminardb.internal.durability.PushLog log) {
    this.log = log;
    this.partition = partition;
    this.node = node;
    this.loop = loop;
    this.capacity = capacity;
    this.policy = policy;
    this.running = running;
    this.columns = columns;
  }

  @Override
  public String name() {
    return node.name();
  }

  @Override
  public List<ColumnInfo> schema() {
    return columns;
  }

  @Override
  public boolean push(Object... values) {
    checkOpen();
    Batch batch = node.batchPool().acquire(1);
    try {
      encodeRow(values, 0, batch);
      batch.setRowCount(1);
    } catch (RuntimeException e) {
      node.batchPool().release(batch);
      throw e;
    }
    int accepted = submit(batch, true);
    if (accepted == 0) {
      node.batchPool().release(batch);
    }
    return accepted == 1;
  }

  @Override
  public int pushRows(List<Object[]> rows) {
    checkOpen();
    Batch batch = node.batchPool().acquire(rows.size());
    try {
      encodeInto(rows, batch);
    } catch (RuntimeException e) {
      node.batchPool().release(batch);
      throw e;
    }
    int accepted = submit(batch, true);
    if (accepted == 0) {
      node.batchPool().release(batch);
    }
    return accepted;
  }

  /** Queues an already encoded batch (same layout as the source); returns rows accepted. */
  public int submit(Batch batch) {
    return submit(batch, false);
  }

  private int submit(Batch batch, boolean pooled) {
    checkOpen();
    int n = batch.rowCount();
    if (n == 0) {
      return 0;
    }
    if (node.pendingRows() + n > capacity && node.pendingRows() > 0) {
      if (policy == Backpressure.REJECT) {
        return 0;
      }
      if (loop.isStarted()) {
        try {
          node.awaitCapacity(n, capacity, () -> running.getAsBoolean() && !loop.isStopped());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LaminarException(ErrorCode.INTERNAL, "interrupted while waiting for buffer space", e);
        }
      }
      checkOpen();
    }
    if (log != null) {
      // Logged and queued under the log's lock (log order = step order); returns once on disk.
      log.push(node, partition, batch, () -> {
        node.addPending(n);
        if (pooled) {
          loop.submitPooledPush(node, batch, partition);
        } else {
          loop.submitPush(node, batch, partition);
        }
      });
      return n;
    }
    node.addPending(n);
    if (pooled) {
      loop.submitPooledPush(node, batch, partition);
    } else {
      loop.submitPush(node, batch, partition);
    }
    return n;
  }

  private void checkOpen() {
    if (!running.getAsBoolean() || loop.isStopped()) {
      throw new LaminarException(ErrorCode.SHUTDOWN, "cannot push to '" + node.name()
          + "': the database is shut down");
    }
  }

  /** Validates every row against the schema and builds the batch; throws LDB-0006 on the first problem. */
  public Batch encode(List<Object[]> rows) {
    Batch batch = new Batch(node.schema(), Math.max(1, rows.size()));
    encodeInto(rows, batch);
    return batch;
  }

  private void encodeInto(List<Object[]> rows, Batch batch) {
    for (int r = 0; r < rows.size(); r++) {
      encodeRow(rows.get(r), r, batch);
    }
    batch.setRowCount(rows.size());
  }

  private void encodeRow(Object[] row, int r, Batch batch) {
    Schema schema = node.schema();
    int width = schema.size();
    if (row == null || row.length != width) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "source '" + node.name() + "' expects "
          + width + " values per row " + schema.names() + " but row " + r + " has "
          + (row == null ? 0 : row.length) + "; nothing was ingested");
    }
    for (int c = 0; c < width; c++) {
      Field f = schema.field(c);
      Object value = row[c];
      if (value == null && !f.nullable()) {
        throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "column '" + f.name() + "' of source '"
            + node.name() + "' is NOT NULL but row " + r + " has NULL; nothing was ingested");
      }
      if (value != null && storeDirect(batch.column(c), r, f.type().kind(), value)) {
        continue;
      }
      try {
        batch.column(c).setStored(r, ValueCodec.toStorage(f.type(), value, f.name()));
      } catch (LaminarException e) {
        throw new LaminarException(e.errorCode(), e.getMessage().replaceFirst("^\\[LDB-\\d+\\] ", "")
            + " (row " + r + " of a push to '" + node.name() + "'; nothing was ingested)");
      }
    }
  }

  /**
   * The common exact-type cases written straight into the column arrays, without re-boxing (Long into
   * BIGINT/TIMESTAMP, Double into DOUBLE, String into VARCHAR); false to use the general conversion.
   */
  private static boolean storeDirect(io.laminardb.core.batch.Column column, int row,
      io.laminardb.core.type.TypeKind kind, Object value) {
    switch (kind) {
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> {
        if (value instanceof Long l) {
          io.laminardb.core.batch.LongColumn c = (io.laminardb.core.batch.LongColumn) column;
          c.values[row] = l;
          c.nulls[row] = false;
          return true;
        }
      }
      case DOUBLE -> {
        if (value instanceof Double d) {
          io.laminardb.core.batch.DoubleColumn c = (io.laminardb.core.batch.DoubleColumn) column;
          c.values[row] = d;
          c.nulls[row] = false;
          return true;
        }
      }
      case VARCHAR -> {
        if (value instanceof String) {
          io.laminardb.core.batch.ObjectColumn c = (io.laminardb.core.batch.ObjectColumn) column;
          c.values[row] = value;
          c.nulls[row] = false;
          return true;
        }
      }
      default -> { }
    }
    return false;
  }

  @Override
  public int pushArrow(VectorSchemaRoot root) {
    Schema schema = node.schema();
    List<FieldVector> vectors = root.getFieldVectors();
    List<String> actual = new ArrayList<>();
    for (FieldVector v : vectors) {
      actual.add(v.getName());
    }
    if (!actual.equals(schema.names())) {
      throw new LaminarException(ErrorCode.SCHEMA_MISMATCH, "Arrow batch columns " + actual
          + " do not match source '" + node.name() + "' columns " + schema.names()
          + "; nothing was ingested");
    }
    int n = root.getRowCount();
    List<Object[]> rows = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Object[] row = new Object[vectors.size()];
      for (int c = 0; c < vectors.size(); c++) {
        Object v = vectors.get(c).getObject(r);
        row[c] = v instanceof org.apache.arrow.vector.util.Text t ? t.toString() : v;
      }
      rows.add(row);
    }
    return pushRows(rows);
  }

  @Override
  public void watermark(long epochMillis) {
    checkOpen();
    if (log != null) {
      log.watermark(node, partition, epochMillis, () -> loop.submitWatermark(node, epochMillis, partition));
      return;
    }
    loop.submitWatermark(node, epochMillis, partition);
  }

  @Override
  public UntypedSourceHandle partition(int partitionId) {
    if (partitionId < 0) {
      throw new LaminarException(ErrorCode.INVALID_OPERATION, "partition ids start at 0, got " + partitionId);
    }
    return new PushSource(node, loop, capacity, policy, running, columns, partitionId, log);
  }

  @Override
  public long currentWatermark() {
    return node.currentWatermark();
  }

  @Override
  public long pending() {
    return node.pendingRows();
  }

  @Override
  public long capacity() {
    return capacity;
  }

  @Override
  public boolean isBackpressured() {
    return node.pendingRows() > capacity * 8 / 10;
  }
}
