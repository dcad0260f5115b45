package io.laminardb.core.operator.join;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stream JOIN table (spec §10.4): each stream row probes the table's current content by primary key when it
 * is processed (processing-time semantics; table changes never retract earlier output). INNER drops rows
 * without a match, LEFT pads them with NULLs, SEMI keeps matched and ANTI unmatched stream rows unchanged. A NULL key never matches. Stateless apart from the table, so
 * the output watermark is the input's. A source backed by an external system ({@link
 * LookupSource#batchesMisses}) is probed once per batch, so its cache misses become one round trip.
 */
public final class LookupJoinOperator implements Operator {
  private final Schema streamSchema;
  private final Supplier<LookupSource> sourceSupplier;
  private final int[] streamKeys;
  private final JoinType type;
  private final int streamTime;
  private final Schema outputSchema;
  private final Object[] key;
  private final Column[] columns;
  private LookupSource source;
  /** Batched probing ({@link LookupSource#batchesMisses}): per batch row its key, then its table row. */
  private boolean isBatched;
  private Object[][] batchKeys = new Object[0][];
  private Object[][] batchRows = new Object[0][];
  private int[] batchIndex = new int[0];
  private Batch out;
  private Output output;

  /**
   * @param streamKeys stream columns equal to the table's primary key columns, in primary-key order
   * @param source resolved when the query starts, so it sees the table as registered then
   */
  public LookupJoinOperator(Schema streamSchema, Schema tableSchema, Supplier<LookupSource> source,
      int[] streamKeys, JoinType type, int streamTime) {
    this.streamTime = streamTime;
    this.streamSchema = streamSchema;
    this.sourceSupplier = source;
    this.streamKeys = streamKeys.clone();
    this.type = type;
    this.outputSchema = outputSchema(streamSchema, tableSchema, type);
    this.key = new Object[streamKeys.length];
    this.columns = new Column[streamSchema.size()];
  }

  /** Stream columns, then table columns (nullable for LEFT); stream columns only for SEMI and ANTI. */
  public static Schema outputSchema(Schema stream, Schema table, JoinType type) {
    List<Field> fields = new ArrayList<>(stream.fields());
    boolean isLeft = type == JoinType.LEFT;
    for (Field f : type.leftOnly() ? List.<Field>of() : table.fields()) {
      fields.add(isLeft ? new Field(f.name(), f.type().withNullable(true)) : f);
    }
    return new Schema(fields);
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
    this.source = sourceSupplier.get();
    this.isBatched = streamTime < 0 && source.batchesMisses();
    this.out = new Batch(outputSchema, 64);
  }

  @Override
  public void onBatch(int port, Batch batch) {
    // A probe that failed (the lookup source down) abandoned the previous call half-way: its rows are void.
    out.clear();
    for (int c = 0; c < columns.length; c++) {
      columns[c] = batch.column(c);
    }
    boolean singleLong = streamKeys.length == 1 && columns[streamKeys[0]] instanceof LongColumn;
    int width = streamSchema.size();
    int tableWidth = outputSchema.size() - width;
    int probed = isBatched ? probeAll(batch.rowCount()) : 0;
    for (int r = 0, n = batch.rowCount(), next = 0; r < n; r++) {
      Object[] row = null;
      if (isBatched) {
        if (next < probed && batchIndex[next] == r) {
          row = batchRows[next];
          batchRows[next++] = null;
        }
      } else if (!JoinKeys.hasNull(columns, streamKeys, r)) {
        if (streamTime >= 0) {
          if (!columns[streamTime].nulls[r]) {
            for (int k = 0; k < key.length; k++) {
              key[k] = columns[streamKeys[k]].getStored(r);
            }
            row = ((io.laminardb.core.lookup.VersionedLookupSource) source).lookupAsOf(key,
                ((LongColumn) columns[streamTime]).values[r]);
          }
        } else if (singleLong) {
          row = source.lookupLong(((LongColumn) columns[streamKeys[0]]).values[r]);
        } else {
          for (int k = 0; k < key.length; k++) {
            key[k] = columns[streamKeys[k]].getStored(r);
          }
          row = source.lookup(key);
        }
      }
      boolean keep = switch (type) {
        case INNER, SEMI -> row != null;
        case ANTI -> row == null;
        default -> true;
      };
      if (!keep) {
        continue;
      }
      int o = out.rowCount();
      out.ensureCapacity(o + 1);
      out.setRowCount(o + 1);
      for (int c = 0; c < width; c++) {
        out.column(c).copyRow(columns[c], r, o);
      }
      for (int c = 0; c < tableWidth; c++) {
        out.column(width + c).setStored(o, row == null ? null : row[c]);
      }
    }
    if (out.rowCount() > 0) {
      output.emit(out);
      out.clear();
    }
  }

  /**
   * Probes every row with a non-null key in one {@link LookupSource#lookupAll} call, so the misses of the
   * batch go to the external system together; returns how many rows were probed.
   */
  private int probeAll(int rows) {
    if (batchKeys.length < rows) {
      int n = Math.max(rows, batchKeys.length * 2);
      Object[][] keys = new Object[n][];
      System.arraycopy(batchKeys, 0, keys, 0, batchKeys.length);
      for (int i = batchKeys.length; i < n; i++) {
        keys[i] = new Object[streamKeys.length];
      }
      batchKeys = keys;
      batchRows = new Object[n][];
      batchIndex = new int[n];
    }
    int count = 0;
    for (int r = 0; r < rows; r++) {
      if (JoinKeys.hasNull(columns, streamKeys, r)) {
        continue;
      }
      for (int k = 0; k < streamKeys.length; k++) {
        batchKeys[count][k] = columns[streamKeys[k]].getStored(r);
      }
      batchIndex[count++] = r;
    }
    if (count > 0) {
      source.lookupAll(batchKeys, count, batchRows);
    }
    return count;
  }

  @Override
  public void onWatermark(int port, long watermark) {
    output.emitWatermark(watermark);
  }

  @Override
  public String describe() {
    return "LookupJoin: " + type + " stream keys " + java.util.Arrays.toString(streamKeys)
        + " = primary key";
  }
}
