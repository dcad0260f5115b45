package io.laminardb.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain-Java references of the windowed benchmark queries, computed over the whole input at once (no watermarks:
 * the generators keep disorder below the watermark delay, so no row is late and every window closes with the
 * final watermark). Each returns the count and checksum of the rows the query emits; timestamps are passed as
 * epoch milliseconds, which {@link RowChecksum} hashes like the engine's {@code LocalDateTime}s.
 */
final class WindowedReference {
  static final long VWAP_WINDOW_MS = 60_000;
  static final long Q5_SLIDE_MS = 2_000;
  static final long Q5_SIZE_MS = 10_000;
  static final long Q7_WINDOW_MS = 10_000;
  static final long SESSION_GAP_MS = 5_000;

  private WindowedReference() {}

  private static long windowStart(long t, long slide) {
    return Math.floorDiv(t, slide) * slide;
  }

  /** One symbol-minute of {@code vwap}. */
  private record SymbolWindow(String symbol, long start) {}

  private static final class Bar {
    double notional;
    long volume;
    long count;
    long firstTime;
    double first;
    long lastTime;
    double last;
  }

  /**
   * {@code symbol, ws, SUM(price * volume) / SUM(volume), COUNT(*), FIRST_VALUE(price), LAST_VALUE(price)} per
   * symbol per minute. FIRST is the price at the smallest event time (ties: earliest arrival), LAST at the
   * largest (ties: latest arrival).
   */
  static RowChecksum vwap(List<List<Object[]>> trades) {
    Map<SymbolWindow, Bar> bars = new HashMap<>();
    for (List<Object[]> batch : trades) {
      for (Object[] trade : batch) {
        long t = (Long) trade[TradeGenerator.TS];
        double price = (Double) trade[TradeGenerator.PRICE];
        long volume = (Long) trade[TradeGenerator.VOLUME];
        SymbolWindow key = new SymbolWindow((String) trade[TradeGenerator.SYMBOL], windowStart(t, VWAP_WINDOW_MS));
        Bar bar = bars.get(key);
        if (bar == null) {
          bar = new Bar();
          bar.firstTime = t;
          bar.first = price;
          bar.lastTime = t;
          bar.last = price;
          bars.put(key, bar);
        }
        bar.notional += price * volume;
        bar.volume += volume;
        bar.count++;
        if (t < bar.firstTime) {
          bar.firstTime = t;
          bar.first = price;
        }
        if (t >= bar.lastTime) {
          bar.lastTime = t;
          bar.last = price;
        }
      }
    }
    RowChecksum checksum = new RowChecksum();
    bars.forEach((key, bar) -> checksum.addValues(new Object[] {key.symbol(), key.start(),
        bar.notional / bar.volume, bar.count, bar.first, bar.last}, 6));
    return checksum;
  }

  /** {@code auction, ws, COUNT(*)} per auction per hopping window (size 10 s, slide 2 s). */
  static RowChecksum q5(List<List<Object[]>> bids) {
    int perEvent = (int) (Q5_SIZE_MS / Q5_SLIDE_MS);
    long[] keys = new long[rowCount(bids) * perEvent];
    int n = 0;
    for (List<Object[]> batch : bids) {
      for (Object[] bid : batch) {
        long t = (Long) bid[BidGenerator.TS];
        long auction = (Long) bid[BidGenerator.AUCTION] - BidGenerator.FIRST_AUCTION;
        for (long start = windowStart(t, Q5_SLIDE_MS); start + Q5_SIZE_MS > t; start -= Q5_SLIDE_MS) {
          keys[n++] = (start / Q5_SLIDE_MS) << 14 | auction;
        }
      }
    }
    RowChecksum checksum = new RowChecksum();
    forEachRun(keys, n, (key, count) -> checksum.addValues(new Object[] {
        BidGenerator.FIRST_AUCTION + (key & 0x3FFF), (key >> 14) * Q5_SLIDE_MS, count}, 3));
    return checksum;
  }

  /** {@code ws, MAX(price)} per tumbling 10 s window over all bids. */
  static RowChecksum q7(List<List<Object[]>> bids) {
    Map<Long, Long> max = new TreeMap<>();
    for (List<Object[]> batch : bids) {
      for (Object[] bid : batch) {
        max.merge(windowStart((Long) bid[BidGenerator.TS], Q7_WINDOW_MS), (Long) bid[BidGenerator.PRICE],
            Math::max);
      }
    }
    RowChecksum checksum = new RowChecksum();
    max.forEach((start, price) -> checksum.addValues(new Object[] {start, price}, 2));
    return checksum;
  }

  /**
   * {@code bidder, SESSION_START, SESSION_END, COUNT(*)} per session of a bidder: consecutive bids (in event
   * time) at most 5 s apart share a session, which runs from its first bid to its last bid + 5 s.
   */
  static RowChecksum session(List<List<Object[]>> bids) {
    long base = BidGenerator.START_TIME_MS - (1L << 20);
    long[] keys = new long[rowCount(bids)];
    int n = 0;
    for (List<Object[]> batch : bids) {
      for (Object[] bid : batch) {
        long bidder = (Long) bid[BidGenerator.BIDDER] - BidGenerator.FIRST_PERSON;
        keys[n++] = bidder << 36 | ((Long) bid[BidGenerator.TS] - base);
      }
    }
    Arrays.sort(keys, 0, n);
    RowChecksum checksum = new RowChecksum();
    int i = 0;
    while (i < n) {
      long bidder = keys[i] >>> 36;
      long first = (keys[i] & ((1L << 36) - 1)) + base;
      long last = first;
      int j = i + 1;
      while (j < n && keys[j] >>> 36 == bidder && (keys[j] & ((1L << 36) - 1)) + base - last <= SESSION_GAP_MS) {
        last = (keys[j] & ((1L << 36) - 1)) + base;
        j++;
      }
      checksum.addValues(new Object[] {BidGenerator.FIRST_PERSON + bidder, first, last + SESSION_GAP_MS,
          (long) (j - i)}, 4);
      i = j;
    }
    return checksum;
  }

  private static int rowCount(List<List<Object[]>> batches) {
    int rows = 0;
    for (List<Object[]> batch : batches) {
      rows += batch.size();
    }
    return rows;
  }

  private interface RunConsumer {
    void accept(long key, long count);
  }

  /** Sorts {@code keys[0..n)} and reports each distinct key with its multiplicity. */
  private static void forEachRun(long[] keys, int n, RunConsumer consumer) {
    Arrays.sort(keys, 0, n);
    int i = 0;
    while (i < n) {
      int j = i + 1;
      while (j < n && keys[j] == keys[i]) {
        j++;
      }
      consumer.accept(keys[i], j - i);
      i = j;
    }
  }
}
