package io.laminardb.core.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.lookup.InMemoryLookupTable;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.TestOperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Allocation guard for the joins' per-row paths (probe, keep, evict, emit): in steady state, with state
 * bounded by advancing watermarks, interval, ASOF and lookup joins must allocate (almost) nothing per input
 * row once their arrays have grown. Allocation is counted on the calling thread, not timed.
 */
class JoinAllocationTest {
  static final Schema SIDE = Schema.of(new Field("id", DataType.of(TypeKind.BIGINT)),
      new Field("k", DataType.of(TypeKind.VARCHAR)), new Field("ts", DataType.of(TypeKind.BIGINT)));
  static final int BATCH = 512;
  static final int KEYS = 200;
  static final int WARM_UP = 400;
  static final int MEASURED = 400;
  /** Bytes per input row; the bound catches a per-row allocation (a box, a key object) creeping in. */
  static final double MAX_BYTES_PER_ROW = 0.5;

  @Test
  void intervalJoinAllocatesNothingPerRow() {
    JoinLayout layout = new JoinLayout(JoinType.FULL, SIDE, SIDE, new int[] {1}, new int[] {1}, 2, 2);
    assertThat(bytesPerRow(new IntervalJoinOperator(layout, -20, 40), true)).isLessThan(MAX_BYTES_PER_ROW);
  }

  @Test
  void asofJoinAllocatesNothingPerRow() {
    JoinLayout layout = new JoinLayout(JoinType.LEFT, SIDE, SIDE, new int[] {1}, new int[] {1}, 2, 2);
    assertThat(bytesPerRow(new AsofJoinOperator(layout, AsofDirection.NEAREST, false, 50, true, -1), true))
        .isLessThan(MAX_BYTES_PER_ROW);
  }

  @Test
  void lookupJoinAllocatesNothingPerRow() {
    Schema tableSchema = Schema.of(new Field("k", DataType.of(TypeKind.VARCHAR)),
        new Field("name", DataType.of(TypeKind.VARCHAR)));
    InMemoryLookupTable table = new InMemoryLookupTable(tableSchema, new int[] {0});
    for (int k = 0; k < KEYS; k += 2) {
      table.upsert(new Object[] {"k" + k, "name" + k});
    }
    Operator op = new LookupJoinOperator(SIDE, tableSchema, () -> table, new int[] {1}, JoinType.LEFT, -1);
    assertThat(bytesPerRow(op, false)).isLessThan(MAX_BYTES_PER_ROW);
  }

  /** Feeds batches (alternating ports when {@code twoInputs}) with watermarks; bytes per row measured. */
  private static double bytesPerRow(Operator op, boolean twoInputs) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    String[] keys = new String[KEYS];
    for (int k = 0; k < KEYS; k++) {
      keys[k] = "k" + k;
    }
    Batch[] batches = new Batch[WARM_UP + MEASURED];
    long id = 0;
    for (int b = 0; b < batches.length; b++) {
      Batch batch = new Batch(SIDE, BATCH);
      for (int r = 0; r < BATCH; r++) {
        long ts = (long) b * BATCH / 2 + r / 2 + (r * 7919L % 13);
        batch.column(0).setStored(r, id++);
        batch.column(1).setStored(r, keys[(int) ((id * 31) % KEYS)]);
        batch.column(2).setStored(r, ts);
      }
      batch.setRowCount(BATCH);
      batches[b] = batch;
    }
    long[] outRows = new long[1];
    op.open(TestOperatorContext.INSTANCE, new Output() {
      @Override
      public void emit(Batch batch) {
        outRows[0] += batch.rowCount();
      }

      @Override
      public void emitWatermark(long watermark) {}
    });
    long before = 0;
    for (int b = 0; b < batches.length; b++) {
      if (b == WARM_UP) {
        before = threads.getCurrentThreadAllocatedBytes();
      }
      int port = twoInputs ? b % 2 : 0;
      op.onBatch(port, batches[b]);
      op.onWatermark(port, (long) b * BATCH / 2 - 100);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(outRows[0]).isPositive();
    assertThat(before).as("allocation counting is supported").isPositive();
    return (double) allocated / ((long) MEASURED * BATCH);
  }
}
