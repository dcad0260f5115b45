package io.laminardb.core.operator.aggregate;

import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.BIGINT;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.DOUBLE;
import static io.laminardb.core.operator.aggregate.AccumulatorFixtures.TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.type.DataType;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The steady-state hot path ({@code add} without weights) of fixed-size aggregates allocates nothing. */
class AccumulatorAllocationTest {
  private static final int ROWS = 1024;
  private static final int GROUPS = 64;
  private static final int ADDS = 2_000;

  @Test
  void addingABatchAllocatesNothingAfterWarmUp() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);

    Object[][] calls = {
        {AggregateKind.COUNT_STAR, BIGINT, -1},
        {AggregateKind.COUNT, DOUBLE, -1},
        {AggregateKind.SUM, BIGINT, -1},
        {AggregateKind.SUM, DOUBLE, -1},
        {AggregateKind.AVG, BIGINT, -1},
        {AggregateKind.AVG, DOUBLE, -1},
        {AggregateKind.MIN, DOUBLE, -1},
        {AggregateKind.MAX, DOUBLE, -1},
        {AggregateKind.MIN, BIGINT, -1},
        {AggregateKind.FIRST_VALUE, DOUBLE, TIME},
        {AggregateKind.LAST_VALUE, DOUBLE, TIME},
        {AggregateKind.LAST_VALUE, BIGINT, -1},
        {AggregateKind.VAR_SAMP, DOUBLE, -1},
        {AggregateKind.BOOL_OR, AccumulatorFixtures.BOOLEAN, -1},
    };
    for (Object[] call : calls) {
      AggregateKind kind = (AggregateKind) call[0];
      DataType type = (DataType) call[1];
      Accumulator accumulator = Accumulators.create(AccumulatorFixtures.spec(kind, type, (Integer) call[2], -1));
      accumulator.ensureCapacity(GROUPS);
      Batch batch = randomBatch(type);
      int[] slots = new int[ROWS];
      for (int r = 0; r < ROWS; r++) {
        slots[r] = r % GROUPS;
      }
      for (int i = 0; i < ADDS; i++) { // warm-up: class loading and JIT compilation
        accumulator.add(batch, slots, ROWS, null, null);
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < ADDS; i++) {
        accumulator.add(batch, slots, ROWS, null, null);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      // The two readings of the allocation counter need no tolerance: getCurrentThreadAllocatedBytes itself
      // does not allocate on the calling thread once its classes are loaded (they are, by the warm-up
      // reading above), and a per-row or per-batch allocation would show up as at least ADDS objects.
      assertThat(allocated).as("bytes allocated by %d adds of %s(%s)", ADDS, kind, type.sql()).isZero();
    }
  }

  private static Batch randomBatch(DataType type) {
    SplittableRandom random = new SplittableRandom(7);
    Object[] values = new Object[ROWS];
    long[] times = new long[ROWS];
    for (int r = 0; r < ROWS; r++) {
      Object value = switch (type.kind()) {
        case BOOLEAN -> (long) (r & 1);
        case DOUBLE -> random.nextDouble(-1e6, 1e6);
        default -> random.nextLong(-1_000_000, 1_000_000);
      };
      values[r] = r % 17 == 0 ? null : value;
      times[r] = random.nextLong(1_000);
    }
    return AccumulatorFixtures.batch(type, values, times, null);
  }
}
