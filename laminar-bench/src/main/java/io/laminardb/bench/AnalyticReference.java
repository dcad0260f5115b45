package io.laminardb.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ticks} workload (the trades of {@link TradeGenerator} in event-time order, so each symbol's rows
 * reach the engine in the same order however pushes are batched or coalesced) and plain-Java references of
 * the analytic benchmark queries over it.
 */
final class AnalyticReference {
  static final int VOLUME_FRAME = 10;
  static final int TOP = 3;

  private AnalyticReference() {}

  /** {@code rows} trades sorted by event time (stable: equal times keep generation order), in batches. */
  static List<List<Object[]>> ticks(long seed, int rows, int batchSize) {
    List<Object[]> all = new ArrayList<>(rows);
    for (List<Object[]> batch : TradeGenerator.batches(seed, rows, batchSize)) {
      all.addAll(batch);
    }
    all.sort(Comparator.comparingLong(r -> (Long) r[TradeGenerator.TS]));
    List<List<Object[]>> batches = new ArrayList<>(rows / batchSize + 1);
    for (int start = 0; start < rows; start += batchSize) {
      batches.add(new ArrayList<>(all.subList(start, Math.min(rows, start + batchSize))));
    }
    return batches;
  }

  /**
   * {@code symbol, ts, price - LAG(price, 1, price), SUM(volume) over the last 10 rows} per symbol, one row
   * per trade.
   */
  static RowChecksum lag(List<List<Object[]>> ticks) {
    Map<String, Double> lastPrice = new HashMap<>();
    Map<String, ArrayDeque<Long>> volumes = new HashMap<>();
    RowChecksum checksum = new RowChecksum();
    for (List<Object[]> batch : ticks) {
      for (Object[] t : batch) {
        String symbol = (String) t[TradeGenerator.SYMBOL];
        double price = (Double) t[TradeGenerator.PRICE];
        Double previous = lastPrice.put(symbol, price);
        ArrayDeque<Long> frame = volumes.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        frame.addLast((Long) t[TradeGenerator.VOLUME]);
        if (frame.size() > VOLUME_FRAME) {
          frame.removeFirst();
        }
        long sum = 0;
        for (long v : frame) {
          sum += v;
        }
        checksum.addValues(new Object[] {symbol, t[TradeGenerator.TS],
            price - (previous == null ? price : previous), sum}, 4);
      }
    }
    return checksum;
  }

  /**
   * The final contents of {@code ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY volume DESC) <= 3}: per
   * symbol the three largest volumes, ties by arrival. The engine's changelog nets out to exactly these rows.
   */
  static RowChecksum topN(List<List<Object[]>> ticks) {
    Map<String, List<Object[]>> best = new HashMap<>();
    for (List<Object[]> batch : ticks) {
      for (Object[] t : batch) {
        List<Object[]> top = best.computeIfAbsent((String) t[TradeGenerator.SYMBOL], s -> new ArrayList<>());
        int at = 0;
        long volume = (Long) t[TradeGenerator.VOLUME];
        while (at < top.size() && (Long) top.get(at)[TradeGenerator.VOLUME] >= volume) {
          at++;
        }
        if (at < TOP) {
          top.add(at, t);
          if (top.size() > TOP) {
            top.remove(TOP);
          }
        }
      }
    }
    RowChecksum checksum = new RowChecksum();
    best.forEach((symbol, top) -> {
      for (int i = 0; i < top.size(); i++) {
        Object[] t = top.get(i);
        checksum.addValues(Arrays.asList(symbol, t[TradeGenerator.PRICE], t[TradeGenerator.VOLUME], i + 1L)
            .toArray(), 4);
      }
    });
    return checksum;
  }
}
