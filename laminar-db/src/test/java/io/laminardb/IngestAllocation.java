package io.laminardb;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the allocation regression guards share: heap bytes allocated by the pushing thread and the compute
 * thread while batches are pushed and processed, and a trade feed whose values are boxed up front so the
 * measuring loop allocates nothing of its own.
 */
public final class IngestAllocation {
  private IngestAllocation() {}

  /**
   * Pushes {@code batches[from..]} to {@code source} and waits until they are processed; returns the bytes
   * allocated meanwhile by this thread and the compute thread.
   */
  public static long pushAndMeasure(LaminarDB db, UntypedSourceHandle source, List<List<Object[]>> batches,
      int from) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    long compute = computeThreadId();
    long beforePusher = threads.getCurrentThreadAllocatedBytes();
    long beforeCompute = threads.getThreadAllocatedBytes(compute);
    for (int i = from; i < batches.size(); i++) {
      source.pushRows(batches.get(i));
    }
    db.awaitIdle();
    return threads.getCurrentThreadAllocatedBytes() - beforePusher
        + threads.getThreadAllocatedBytes(compute) - beforeCompute;
  }

  private static long computeThreadId() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("laminar-compute")) {
        return t.threadId();
      }
    }
    throw new AssertionError("no compute thread");
  }

  /**
   * {@code count} batches of {@code batchSize} trades {@code (sym, price, volume, ts)}, 1 ms apart with up to
   * {@code maxDisorderMs} of disorder, over {@code symbols} symbols, volumes in {@code [1, maxVolume]}.
   */
  public static List<List<Object[]>> trades(long seed, int count, int batchSize, int symbols, int maxVolume,
      int maxDisorderMs) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] names = new String[symbols];
    for (int s = 0; s < symbols; s++) {
      names[s] = "S" + s;
    }
    List<List<Object[]>> batches = new ArrayList<>(count);
    long ts = 0;
    for (int b = 0; b < count; b++) {
      List<Object[]> rows = new ArrayList<>(batchSize);
      for (int r = 0; r < batchSize; r++) {
        ts += 1;
        rows.add(new Object[] {names[random.nextInt(symbols)], 100 + random.nextDouble(),
            (long) (1 + random.nextInt(maxVolume)), ts - random.nextInt(maxDisorderMs)});
      }
      batches.add(rows);
    }
    return batches;
  }
}
