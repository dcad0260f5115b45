package io.laminardb.bench;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes allocated by all threads of this JVM so far, from {@code com.sun.management.ThreadMXBean}: the
 * JVM-wide total where supported (it includes threads that have ended), else a sum over live threads.
 * Returns -1 when the JVM cannot measure allocation.
 */
final class AllocationMeter {
  private final com.sun.management.ThreadMXBean threads;
  private final boolean isSupported;

  AllocationMeter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      if (!sun.isThreadAllocatedMemoryEnabled()) {
        sun.setThreadAllocatedMemoryEnabled(true);
      }
      threads = sun;
      isSupported = true;
    } else {
      threads = null;
      isSupported = false;
    }
  }

  long allocatedBytes() {
    if (!isSupported) {
      return -1;
    }
    try {
      return threads.getTotalThreadAllocatedBytes();
    } catch (UnsupportedOperationException e) {
      long total = 0;
      for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        if (bytes > 0) {
          total += bytes;
        }
      }
      return total;
    }
  }
}
