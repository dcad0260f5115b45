package io.laminardb.bench.compare.loop;

import io.laminardb.bench.BidGenerator;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.CompareInput;
import java.util.Arrays;

/**
 * Session count per bidder (gap 5 s): up to {@link #SLOTS} open sessions per bidder in flat arrays (an
 * out-of-order bid may bridge two of them, which then merge), and a primitive min-heap of (session end, bidder)
 * entries that the watermark pops; an entry whose session has since grown or merged is skipped.
 */
final class SessionLoop {
  private static final long GAP_MS = 5_000;
  private static final int SLOTS = 4;
  private static final int BIDDER_BITS = 17;
  private static final long BASE = BidGenerator.START_TIME_MS - (1L << 20);
  private final long[] start = new long[BidGenerator.PEOPLE * SLOTS];
  private final long[] last = new long[BidGenerator.PEOPLE * SLOTS];
  private final long[] count = new long[BidGenerator.PEOPLE * SLOTS];
  private long[] heap = new long[1 << 16];
  private int heapSize;

  void run(CompareInput.Columns c, int n, RowChecksum out) {
    long maxTs = Long.MIN_VALUE;
    for (int from = 0; from < n; from += HandLoopEngine.BATCH) {
      int to = Math.min(n, from + HandLoopEngine.BATCH);
      for (int i = from; i < to; i++) {
        long t = c.ts[i];
        maxTs = Math.max(maxTs, t);
        add((int) (c.bidder[i] - BidGenerator.FIRST_PERSON), t);
      }
      fire(maxTs - HandLoopEngine.WATERMARK_DELAY_MS, out);
    }
    fire(Long.MAX_VALUE, out);
  }

  private void add(int bidder, long t) {
    int base = bidder * SLOTS;
    int merged = -1;
    for (int j = base; j < base + SLOTS; j++) {
      if (count[j] == 0 || t < start[j] - GAP_MS || t > last[j] + GAP_MS) {
        continue;
      }
      if (merged < 0) {
        merged = j;
        start[j] = Math.min(start[j], t);
        last[j] = Math.max(last[j], t);
        count[j]++;
      } else {
        start[merged] = Math.min(start[merged], start[j]);
        last[merged] = Math.max(last[merged], last[j]);
        count[merged] += count[j];
        count[j] = 0;
      }
    }
    if (merged < 0) {
      for (int j = base; j < base + SLOTS && merged < 0; j++) {
        if (count[j] == 0) {
          merged = j;
          start[j] = t;
          last[j] = t;
          count[j] = 1;
        }
      }
      if (merged < 0) {
        throw new IllegalStateException("more than " + SLOTS + " open sessions for one bidder");
      }
    }
    push((last[merged] + GAP_MS - BASE) << BIDDER_BITS | bidder);
  }

  private void fire(long watermark, RowChecksum out) {
    while (heapSize > 0 && (heap[0] >>> BIDDER_BITS) + BASE <= watermark) {
      long entry = pop();
      long end = (entry >>> BIDDER_BITS) + BASE;
      int bidder = (int) (entry & ((1 << BIDDER_BITS) - 1));
      for (int j = bidder * SLOTS; j < bidder * SLOTS + SLOTS; j++) {
        if (count[j] > 0 && last[j] + GAP_MS == end) {
          long h = RowChecksum.with(RowChecksum.start(), BidGenerator.FIRST_PERSON + bidder);
          h = RowChecksum.with(RowChecksum.with(h, start[j]), end);
          out.addHashed(RowChecksum.with(h, count[j]));
          count[j] = 0;
        }
      }
    }
  }

  private void push(long entry) {
    if (heapSize == heap.length) {
      heap = Arrays.copyOf(heap, heap.length * 2);
    }
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= entry) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = entry;
  }

  private long pop() {
    long top = heap[0];
    long entry = heap[--heapSize];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= entry) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = entry;
    return top;
  }
}
