package io.laminardb.bench.compare.loop;

import io.laminardb.bench.BidGenerator;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.CompareInput;

/**
 * Q5: COUNT(*) per auction per hopping window (size 10 s, slide 2 s): a ring of open windows, each a dense
 * count array over the auction ids.
 */
final class HopCountLoop {
  private static final long SIZE_MS = 10_000;
  private static final long SLIDE_MS = 2_000;
  private static final int RING = 16;
  private final long[] windowStart = new long[RING];
  private final boolean[] isOpen = new boolean[RING];
  private final int[][] counts = new int[RING][BidGenerator.AUCTIONS];

  void run(CompareInput.Columns c, int n, RowChecksum out) {
    long maxTs = Long.MIN_VALUE;
    for (int from = 0; from < n; from += HandLoopEngine.BATCH) {
      int to = Math.min(n, from + HandLoopEngine.BATCH);
      for (int i = from; i < to; i++) {
        long t = c.ts[i];
        maxTs = Math.max(maxTs, t);
        int auction = (int) (c.auction[i] - BidGenerator.FIRST_AUCTION);
        for (long ws = Math.floorDiv(t, SLIDE_MS) * SLIDE_MS; ws + SIZE_MS > t; ws -= SLIDE_MS) {
          int slot = (int) Math.floorMod(ws / SLIDE_MS, RING);
          if (!isOpen[slot]) {
            isOpen[slot] = true;
            windowStart[slot] = ws;
          } else if (windowStart[slot] != ws) {
            throw new IllegalStateException("more than " + RING + " open windows");
          }
          counts[slot][auction]++;
        }
      }
      fire(maxTs - HandLoopEngine.WATERMARK_DELAY_MS, out);
    }
    fire(Long.MAX_VALUE, out);
  }

  private void fire(long watermark, RowChecksum out) {
    for (int slot = 0; slot < RING; slot++) {
      if (isOpen[slot] && windowStart[slot] + SIZE_MS <= watermark) {
        int[] slotCounts = counts[slot];
        long ws = windowStart[slot];
        for (int a = 0; a < slotCounts.length; a++) {
          if (slotCounts[a] > 0) {
            long h = RowChecksum.with(RowChecksum.start(), BidGenerator.FIRST_AUCTION + a);
            out.addHashed(RowChecksum.with(RowChecksum.with(h, ws), slotCounts[a]));
            slotCounts[a] = 0;
          }
        }
        isOpen[slot] = false;
      }
    }
  }
}
