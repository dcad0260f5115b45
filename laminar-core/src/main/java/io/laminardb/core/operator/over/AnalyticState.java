package io.laminardb.core.operator.over;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.aggregate.GroupTable;
import io.laminardb.core.state.ColumnCodec;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything an analytic operator remembers, per partition: a ring of its last {@code capacity} rows (input
 * columns plus the function results computed at arrival), how many rows it has seen, the oldest row still
 * waiting for LEAD, running accumulators of unbounded frames and pinned FIRST/NTH values. Memory is
 * {@code O(partitions x capacity)}.
 */
final class AnalyticState implements OperatorState {
  final int capacity;
  final GroupTable partitions;
  /** Row {@code partition * capacity + position % capacity}. */
  final Batch history;
  /** One column per function; row = partition. */
  final Batch pinned;
  private final Schema schema;
  private final int functions;
  int allocated;
  long[] count = new long[0];
  long[] firstPending = new long[0];
  /** Per partition slot: holds a partition (slots of evicted partitions are reused by the group table). */
  boolean[] isPartitionLive = new boolean[0];
  /** Per history row: emitted already (only tracked with LEAD). */
  boolean[] emitted = new boolean[0];
  /** Per function, per partition: running count, integer sum / extreme, floating sum / extreme. */
  long[][] runCount;
  long[][] runLong;
  double[][] runDouble;

  AnalyticState(Schema schema, int[] partitionColumns, int capacity, List<AnalyticFunction> functionList) {
    this.schema = schema;
    this.capacity = capacity;
    this.functions = functionList.size();
    this.partitions = new GroupTable(schema, partitionColumns);
    this.history = new Batch(schema, capacity);
    List<Field> results = new ArrayList<>();
    for (int f = 0; f < functions; f++) {
      results.add(schema.field(schema.size() - functions + f));
    }
    this.pinned = new Batch(new Schema(results), 4);
    this.runCount = new long[functions][0];
    this.runLong = new long[functions][0];
    this.runDouble = new double[functions][0];
  }

  int slot(int partition, long position) {
    return partition * capacity + (int) (position % capacity);
  }

  /** Makes room for partition slots below {@code bound}. */
  void ensurePartitions(int bound) {
    if (bound <= allocated) {
      return;
    }
    int n = Math.max(bound, Math.max(16, allocated * 2));
    count = Arrays.copyOf(count, n);
    firstPending = Arrays.copyOf(firstPending, n);
    isPartitionLive = Arrays.copyOf(isPartitionLive, n);
    emitted = Arrays.copyOf(emitted, n * capacity);
    for (int f = 0; f < functions; f++) {
      runCount[f] = Arrays.copyOf(runCount[f], n);
      runLong[f] = Arrays.copyOf(runLong[f], n);
      runDouble[f] = Arrays.copyOf(runDouble[f], n);
    }
    history.ensureCapacity(n * capacity);
    history.setRowCount(n * capacity);
    pinned.ensureCapacity(n);
    pinned.setRowCount(n);
    allocated = n;
  }

  /** Forgets partition {@code p}; its slot starts afresh when the group table hands it out again. */
  void evict(int p) {
    count[p] = 0;
    firstPending[p] = 0;
    for (int f = 0; f < functions; f++) {
      runCount[f][p] = 0;
      runLong[f][p] = 0;
      runDouble[f][p] = 0;
    }
    isPartitionLive[p] = false;
    partitions.remove(p);
  }

  @Override
  public void snapshot(DataOutput out) throws IOException {
    int n = partitions.slotBound();
    out.writeInt(partitions.size());
    Batch keys = partitions.keyStore();
    for (int p = 0; p < n; p++) {
      if (!isPartitionLive[p]) {
        continue;
      }
      ColumnCodec.writeRow(keys, p, out);
      out.writeLong(count[p]);
      out.writeLong(firstPending[p]);
      for (long pos = Math.max(0, count[p] - capacity); pos < count[p]; pos++) {
        int row = slot(p, pos);
        ColumnCodec.writeRow(history, row, out);
        out.writeBoolean(emitted[row]);
      }
      for (int f = 0; f < functions; f++) {
        out.writeLong(runCount[f][p]);
        out.writeLong(runLong[f][p]);
        out.writeDouble(runDouble[f][p]);
        ColumnCodec.write(pinned.column(f), p, pinned.schema().field(f).type().kind(), out);
      }
    }
  }

  @Override
  public void restore(DataInput in) throws IOException {
    int n = in.readInt();
    Batch keys = partitions.keyStore().copy();
    keys.ensureCapacity(1);
    keys.setRowCount(1);
    ensurePartitions(n);
    for (int i = 0; i < n; i++) {
      ColumnCodec.readRow(keys, 0, in);
      int p = partitions.findOrInsertStored(keys, 0, 0);
      isPartitionLive[p] = true;
      count[p] = in.readLong();
      firstPending[p] = in.readLong();
      for (long pos = Math.max(0, count[p] - capacity); pos < count[p]; pos++) {
        int row = slot(p, pos);
        ColumnCodec.readRow(history, row, in);
        emitted[row] = in.readBoolean();
      }
      for (int f = 0; f < functions; f++) {
        runCount[f][p] = in.readLong();
        runLong[f][p] = in.readLong();
        runDouble[f][p] = in.readDouble();
        ColumnCodec.read(pinned.column(f), p, pinned.schema().field(f).type().kind(), in);
      }
    }
  }

  @Override
  public long sizeBytes() {
    long perRow = 8L * schema.size() + 2L * schema.size() + 1;
    long perPartition = 16 + 24L * functions + 8L * (functions + partitions.keyStore().columnCount());
    return (long) partitions.size() * (capacity * perRow + perPartition);
  }
}
