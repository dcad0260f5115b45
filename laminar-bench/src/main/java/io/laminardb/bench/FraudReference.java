package io.laminardb.bench;

import static io.laminardb.bench.MarketDataGenerator.O_ID;
import static io.laminardb.bench.MarketDataGenerator.O_PRICE;
import static io.laminardb.bench.MarketDataGenerator.O_SYMBOL;
import static io.laminardb.bench.MarketDataGenerator.O_TS;
import static io.laminardb.bench.MarketDataGenerator.T_ACCOUNT;
import static io.laminardb.bench.MarketDataGenerator.T_PRICE;
import static io.laminardb.bench.MarketDataGenerator.T_SIDE;
import static io.laminardb.bench.MarketDataGenerator.T_SYMBOL;
import static io.laminardb.bench.MarketDataGenerator.T_TS;
import static io.laminardb.bench.MarketDataGenerator.T_VOLUME;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain-Java references of the six {@link FraudPipeline} streams over {@link MarketDataGenerator} batches
 * (orders, trades, orders, trades, ...), each as the count and checksum of the rows the stream emits. No row is
 * late (disorder stays far below the 1 s watermark delay), so every window closes with the final watermark and
 * the interval join sees every pair; the ASOF join matches a trade against the orders of its own and earlier
 * chunks, which are pushed before it.
 */
final class FraudReference {
  static final long HOP_SLIDE_MS = 2_000;
  static final long HOP_SIZE_MS = 10_000;
  static final long TUMBLE_MS = 5_000;
  static final long SESSION_GAP_MS = 2_000;
  static final long MATCH_MS = 2_000;

  private FraudReference() {}

  static Map<FraudPipeline, RowChecksum> all(List<List<Object[]>> batches) {
    Map<FraudPipeline, RowChecksum> result = new EnumMap<>(FraudPipeline.class);
    result.put(FraudPipeline.VOL_BASELINE, volBaseline(batches));
    result.put(FraudPipeline.OHLC_VOL, ohlc(batches));
    result.put(FraudPipeline.RAPID_FIRE, rapidFire(batches));
    result.put(FraudPipeline.WASH_SCORE, washScore(batches));
    result.put(FraudPipeline.SUSPICIOUS_MATCH, suspiciousMatch(batches));
    result.put(FraudPipeline.ASOF_MATCH, asofMatch(batches));
    return result;
  }

  private static long windowStart(long t, long size) {
    return Math.floorDiv(t, size) * size;
  }

  private record SymbolWindow(String symbol, long start) {}

  private record AccountSymbolWindow(long account, String symbol, long start) {}

  private static final class Sums {
    long volume;
    long count;
    double price;
  }

  static RowChecksum volBaseline(List<List<Object[]>> batches) {
    Map<SymbolWindow, Sums> windows = new HashMap<>();
    for (int b = 1; b < batches.size(); b += 2) {
      for (Object[] trade : batches.get(b)) {
        long t = (Long) trade[T_TS];
        for (long start = windowStart(t, HOP_SLIDE_MS); start + HOP_SIZE_MS > t; start -= HOP_SLIDE_MS) {
          Sums sums = windows.computeIfAbsent(new SymbolWindow((String) trade[T_SYMBOL], start), k -> new Sums());
          sums.volume += (Long) trade[T_VOLUME];
          sums.count++;
          sums.price += (Double) trade[T_PRICE];
        }
      }
    }
    RowChecksum checksum = new RowChecksum();
    windows.forEach((k, s) -> checksum.addValues(new Object[] {k.symbol(), k.start(), s.volume, s.count,
        s.price / s.count}, 5));
    return checksum;
  }

  private static final class Bar {
    long firstTime;
    double first;
    long lastTime;
    double last;
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    long volume;
  }

  /** FIRST is the price at the smallest event time (ties: earliest arrival), LAST at the largest (latest). */
  static RowChecksum ohlc(List<List<Object[]>> batches) {
    Map<SymbolWindow, Bar> bars = new HashMap<>();
    for (int b = 1; b < batches.size(); b += 2) {
      for (Object[] trade : batches.get(b)) {
        long t = (Long) trade[T_TS];
        double price = (Double) trade[T_PRICE];
        SymbolWindow key = new SymbolWindow((String) trade[T_SYMBOL], windowStart(t, TUMBLE_MS));
        Bar bar = bars.get(key);
        if (bar == null) {
          bar = new Bar();
          bar.firstTime = t;
          bar.first = price;
          bar.lastTime = t;
          bar.last = price;
          bars.put(key, bar);
        }
        if (t < bar.firstTime) {
          bar.firstTime = t;
          bar.first = price;
        }
        if (t >= bar.lastTime) {
          bar.lastTime = t;
          bar.last = price;
        }
        bar.high = Math.max(bar.high, price);
        bar.low = Math.min(bar.low, price);
        bar.volume += (Long) trade[T_VOLUME];
      }
    }
    RowChecksum checksum = new RowChecksum();
    bars.forEach((k, bar) -> checksum.addValues(new Object[] {k.symbol(), k.start(), bar.first, bar.high, bar.low,
        bar.last, bar.volume}, 7));
    return checksum;
  }

  /** Sessions per account: trades at most 2 s apart share one, running from its first trade to its last + 2 s. */
  static RowChecksum rapidFire(List<List<Object[]>> batches) {
    Map<Long, List<long[]>> byAccount = new HashMap<>();
    for (int b = 1; b < batches.size(); b += 2) {
      for (Object[] trade : batches.get(b)) {
        byAccount.computeIfAbsent((Long) trade[T_ACCOUNT], k -> new ArrayList<>())
            .add(new long[] {(Long) trade[T_TS], (Long) trade[T_VOLUME]});
      }
    }
    RowChecksum checksum = new RowChecksum();
    byAccount.forEach((account, trades) -> {
      long[][] sorted = trades.toArray(new long[0][]);
      Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
      int i = 0;
      while (i < sorted.length) {
        long first = sorted[i][0];
        long last = first;
        long volume = 0;
        int j = i;
        while (j < sorted.length && sorted[j][0] - last <= SESSION_GAP_MS) {
          last = sorted[j][0];
          volume += sorted[j][1];
          j++;
        }
        checksum.addValues(new Object[] {account, first, last + SESSION_GAP_MS, (long) (j - i), volume}, 5);
        i = j;
      }
    });
    return checksum;
  }

  static RowChecksum washScore(List<List<Object[]>> batches) {
    Map<AccountSymbolWindow, long[]> groups = new HashMap<>();
    for (int b = 1; b < batches.size(); b += 2) {
      for (Object[] trade : batches.get(b)) {
        long[] g = groups.computeIfAbsent(new AccountSymbolWindow((Long) trade[T_ACCOUNT],
            (String) trade[T_SYMBOL], windowStart((Long) trade[T_TS], TUMBLE_MS)), k -> new long[4]);
        boolean isBuy = MarketDataGenerator.BUY.equals(trade[T_SIDE]);
        g[isBuy ? 0 : 1] += (Long) trade[T_VOLUME];
        g[2] += isBuy ? 1 : 0;
        g[3]++;
      }
    }
    RowChecksum checksum = new RowChecksum();
    groups.forEach((k, g) -> checksum.addValues(new Object[] {k.account(), k.symbol(), k.start(), g[0], g[1], g[2],
        g[3]}, 7));
    return checksum;
  }

  /** Every (trade, order) pair on the same symbol with {@code |order.ts - trade.ts| <= 2 s}. */
  static RowChecksum suspiciousMatch(List<List<Object[]>> batches) {
    Map<String, List<Object[]>> ordersBySymbol = new HashMap<>();
    for (int b = 0; b < batches.size(); b += 2) {
      for (Object[] order : batches.get(b)) {
        ordersBySymbol.computeIfAbsent((String) order[O_SYMBOL], k -> new ArrayList<>()).add(order);
      }
    }
    Map<String, long[]> times = new HashMap<>();
    Map<String, Object[][]> sorted = new HashMap<>();
    ordersBySymbol.forEach((symbol, orders) -> {
      Object[][] byTime = orders.toArray(new Object[0][]);
      Arrays.sort(byTime, (x, y) -> Long.compare((Long) x[O_TS], (Long) y[O_TS]));
      long[] ts = new long[byTime.length];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = (Long) byTime[i][O_TS];
      }
      times.put(symbol, ts);
      sorted.put(symbol, byTime);
    });
    RowChecksum checksum = new RowChecksum();
    for (int b = 1; b < batches.size(); b += 2) {
      for (Object[] trade : batches.get(b)) {
        long[] ts = times.get((String) trade[T_SYMBOL]);
        if (ts == null) {
          continue;
        }
        Object[][] orders = sorted.get((String) trade[T_SYMBOL]);
        long t = (Long) trade[T_TS];
        int i = lowerBound(ts, t - MATCH_MS);
        for (; i < ts.length && ts[i] <= t + MATCH_MS; i++) {
          checksum.addValues(new Object[] {trade[T_SYMBOL], trade[T_ACCOUNT], trade[T_PRICE], orders[i][O_ID],
              orders[i][O_PRICE]}, 5);
        }
      }
    }
    return checksum;
  }

  private static int lowerBound(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Each trade with the order of largest time at or before it among orders pushed so far (ties: latest). */
  static RowChecksum asofMatch(List<List<Object[]>> batches) {
    Map<String, TreeMap<Long, Object[]>> orders = new HashMap<>();
    RowChecksum checksum = new RowChecksum();
    for (int b = 0; b + 1 < batches.size(); b += 2) {
      for (Object[] order : batches.get(b)) {
        orders.computeIfAbsent((String) order[O_SYMBOL], k -> new TreeMap<>()).put((Long) order[O_TS], order);
      }
      for (Object[] trade : batches.get(b + 1)) {
        TreeMap<Long, Object[]> symbolOrders = orders.get((String) trade[T_SYMBOL]);
        Map.Entry<Long, Object[]> match = symbolOrders == null ? null
            : symbolOrders.floorEntry((Long) trade[T_TS]);
        Object[] order = match == null ? null : match.getValue();
        checksum.addValues(new Object[] {trade[T_SYMBOL], trade[T_ACCOUNT], trade[T_PRICE],
            order == null ? null : order[O_ID], order == null ? null : order[O_PRICE]}, 5);
      }
    }
    return checksum;
  }
}
