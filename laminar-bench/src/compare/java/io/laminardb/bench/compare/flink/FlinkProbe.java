package io.laminardb.bench.compare.flink;

import io.laminardb.bench.LaminarRuns;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.PacedSchedule;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Flink job in this JVM reads and reports: the pre-built events its source maps indices to, when the first
 * event entered the job and the last sink finished, heap allocation between the two, and the merged checksum of
 * every sink subtask. The local environment runs the job's tasks in this JVM, so static state is shared; one job
 * runs at a time.
 */
final class FlinkProbe {
  static volatile Object[] events;
  static volatile PacedSchedule schedule;
  private static final AtomicLong START = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong ALLOCATED_AT_START = new AtomicLong(-1);
  private static long end;
  private static long allocatedAtEnd;
  private static RowChecksum output = new RowChecksum();

  private FlinkProbe() {}

  static synchronized void reset(Object[] newEvents, PacedSchedule newSchedule) {
    events = newEvents;
    schedule = newSchedule;
    START.set(Long.MAX_VALUE);
    ALLOCATED_AT_START.set(-1);
    end = 0;
    allocatedAtEnd = -1;
    output = new RowChecksum();
  }

  /** Called for each event entering the job; the first call of any subtask starts the clock. */
  static void started() {
    if (START.get() == Long.MAX_VALUE) {
      long now = System.nanoTime();
      if (START.compareAndSet(Long.MAX_VALUE, now)) {
        ALLOCATED_AT_START.set(LaminarRuns.allocatedBytes());
      }
    }
  }

  /** A sink subtask finished with {@code partial}. */
  static synchronized void finished(RowChecksum partial) {
    end = Math.max(end, System.nanoTime());
    allocatedAtEnd = LaminarRuns.allocatedBytes();
    output.merge(partial);
  }

  static synchronized long elapsedNanos() {
    return end - START.get();
  }

  static synchronized long allocatedBytes() {
    long before = ALLOCATED_AT_START.get();
    return before < 0 || allocatedAtEnd < 0 ? -1 : allocatedAtEnd - before;
  }

  static synchronized RowChecksum output() {
    return output;
  }
}
