package io.laminardb.bench.compare.loop;

import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.CompareInput;

/** Q7: MAX(price) per tumbling 10 s window, open windows in a ring indexed by window number. */
final class TumbleMaxLoop {
  private static final long SIZE_MS = 10_000;
  private static final int RING = 16;
  private final long[] windowStart = new long[RING];
  private final long[] max = new long[RING];
  private final boolean[] isOpen = new boolean[RING];

  void run(CompareInput.Columns c, int n, RowChecksum out) {
    long maxTs = Long.MIN_VALUE;
    for (int from = 0; from < n; from += HandLoopEngine.BATCH) {
      int to = Math.min(n, from + HandLoopEngine.BATCH);
      for (int i = from; i < to; i++) {
        long t = c.ts[i];
        maxTs = Math.max(maxTs, t);
        long ws = Math.floorDiv(t, SIZE_MS) * SIZE_MS;
        int slot = (int) Math.floorMod(ws / SIZE_MS, RING);
        if (!isOpen[slot]) {
          isOpen[slot] = true;
          windowStart[slot] = ws;
          max[slot] = c.price[i];
        } else if (windowStart[slot] != ws) {
          throw new IllegalStateException("more than " + RING + " open windows");
        } else if (c.price[i] > max[slot]) {
          max[slot] = c.price[i];
        }
      }
      fire(maxTs - HandLoopEngine.WATERMARK_DELAY_MS, out);
    }
    fire(Long.MAX_VALUE, out);
  }

  private void fire(long watermark, RowChecksum out) {
    for (int slot = 0; slot < RING; slot++) {
      if (isOpen[slot] && windowStart[slot] + SIZE_MS <= watermark) {
        out.addHashed(RowChecksum.with(RowChecksum.with(RowChecksum.start(), windowStart[slot]), max[slot]));
        isOpen[slot] = false;
      }
    }
  }
}
