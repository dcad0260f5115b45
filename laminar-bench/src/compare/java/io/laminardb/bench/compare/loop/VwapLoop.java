package io.laminardb.bench.compare.loop;

import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.CompareInput;

/**
 * VWAP: per symbol per minute SUM(price * volume) / SUM(volume), COUNT(*), FIRST_VALUE and LAST_VALUE in event
 * time (ties: first and last arrival); a ring of open minutes, each with dense arrays over the symbol numbers.
 */
final class VwapLoop {
  private static final long SIZE_MS = 60_000;
  private static final int RING = 4;
  private final int symbols;
  private final long[] windowStart = new long[RING];
  private final boolean[] isOpen = new boolean[RING];
  private final double[][] notional;
  private final long[][] volume;
  private final long[][] count;
  private final long[][] openTime;
  private final double[][] open;
  private final long[][] closeTime;
  private final double[][] close;

  VwapLoop(int symbols) {
    this.symbols = symbols;
    notional = new double[RING][symbols];
    volume = new long[RING][symbols];
    count = new long[RING][symbols];
    openTime = new long[RING][symbols];
    open = new double[RING][symbols];
    closeTime = new long[RING][symbols];
    close = new double[RING][symbols];
  }

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
        } else if (windowStart[slot] != ws) {
          throw new IllegalStateException("more than " + RING + " open windows");
        }
        int s = c.symbolIndex[i];
        double price = c.tradePrice[i];
        if (count[slot][s] == 0) {
          openTime[slot][s] = t;
          open[slot][s] = price;
          closeTime[slot][s] = t;
          close[slot][s] = price;
        } else {
          if (t < openTime[slot][s]) {
            openTime[slot][s] = t;
            open[slot][s] = price;
          }
          if (t >= closeTime[slot][s]) {
            closeTime[slot][s] = t;
            close[slot][s] = price;
          }
        }
        notional[slot][s] += price * c.volume[i];
        volume[slot][s] += c.volume[i];
        count[slot][s]++;
      }
      fire(c.symbolNames, maxTs - HandLoopEngine.WATERMARK_DELAY_MS, out);
    }
    fire(c.symbolNames, Long.MAX_VALUE, out);
  }

  private void fire(String[] names, long watermark, RowChecksum out) {
    for (int slot = 0; slot < RING; slot++) {
      if (isOpen[slot] && windowStart[slot] + SIZE_MS <= watermark) {
        for (int s = 0; s < symbols; s++) {
          if (count[slot][s] > 0) {
            long h = RowChecksum.with(RowChecksum.start(), names[s].hashCode());
            h = RowChecksum.with(h, windowStart[slot]);
            h = RowChecksum.with(h, RowChecksum.hashDouble(notional[slot][s] / volume[slot][s]));
            h = RowChecksum.with(h, count[slot][s]);
            h = RowChecksum.with(h, RowChecksum.hashDouble(open[slot][s]));
            out.addHashed(RowChecksum.with(h, RowChecksum.hashDouble(close[slot][s])));
            notional[slot][s] = 0;
            volume[slot][s] = 0;
            count[slot][s] = 0;
          }
        }
        isOpen[slot] = false;
      }
    }
  }
}
