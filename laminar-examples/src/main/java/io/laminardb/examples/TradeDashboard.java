package io.laminardb.examples;

import io.laminardb.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol running totals over the demo's {@code notional} and {@code big_trades} streams, plus the latest
 * one-second OHLC/VWAP bar computed in SQL by the {@code bars} stream, rendered as a small text table.
 */
final class TradeDashboard {
  private static final String HEADER = String.format(Locale.ROOT, "%-8s %10s %12s %12s %18s %11s%n",
      "SYMBOL", "TRADES", "LAST PRICE", "VOLUME", "TOTAL NOTIONAL", "BIG TRADES");

  private static final String BAR_HEADER = String.format(Locale.ROOT, "%-8s %-12s %10s %10s %10s %10s %10s%n",
      "SYMBOL", "LAST BAR", "OPEN", "HIGH", "LOW", "CLOSE", "VWAP");

  private static final class SymbolStats {
    Row lastBar;
    long trades;
    double lastPrice;
    long volume;
    double notional;
    long bigTrades;
  }

  private final Map<String, SymbolStats> bySymbol = new TreeMap<>();
  private long trades;
  private long bigTrades;
  private long bars;
  private long tradesAtLastRender;

  /** Rows of {@code notional}: symbol, price, volume, notional, ts. */
  void onTrades(List<Row> rows) {
    for (Row row : rows) {
      SymbolStats s = stats(row);
      s.trades++;
      s.lastPrice = ((Number) row.get("price")).doubleValue();
      s.volume += ((Number) row.get("volume")).longValue();
      s.notional += ((Number) row.get("notional")).doubleValue();
    }
    trades += rows.size();
  }

  /** Rows of {@code big_trades}. */
  void onBigTrades(List<Row> rows) {
    for (Row row : rows) {
      stats(row).bigTrades++;
    }
    bigTrades += rows.size();
  }

  /** Rows of {@code bars}: symbol, bar (window start), open, high, low, close, vwap, ... */
  @SuppressWarnings("unchecked")
  void onBars(List<Row> rows) {
    for (Row row : rows) {
      SymbolStats s = stats(row);
      if (s.lastBar == null || ((Comparable<Object>) s.lastBar.get("bar")).compareTo(row.get("bar")) <= 0) {
        s.lastBar = row;
      }
      bars++;
    }
  }

  long bars() {
    return bars;
  }

  long trades() {
    return trades;
  }

  long bigTrades() {
    return bigTrades;
  }

  int symbols() {
    return bySymbol.size();
  }

  private static double num(Row row, String column) {
    return ((Number) row.get(column)).doubleValue();
  }

  private SymbolStats stats(Row row) {
    return bySymbol.computeIfAbsent((String) row.get("symbol"), k -> new SymbolStats());
  }

  /** The table, preceded by a status line; {@code intervalSeconds} is the time since the previous render. */
  String render(double elapsedSeconds, double intervalSeconds) {
    long recent = trades - tradesAtLastRender;
    tradesAtLastRender = trades;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "-- t=%.0fs  %,d trades (%,.0f/s)  %,d big trades%n", elapsedSeconds,
        trades, intervalSeconds > 0 ? recent / intervalSeconds : 0.0, bigTrades));
    sb.append(HEADER);
    double totalNotional = 0;
    long totalVolume = 0;
    for (Map.Entry<String, SymbolStats> e : bySymbol.entrySet()) {
      SymbolStats s = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-8s %,10d %12.2f %,12d %,18.2f %,11d%n", e.getKey(), s.trades,
          s.lastPrice, s.volume, s.notional, s.bigTrades));
      totalNotional += s.notional;
      totalVolume += s.volume;
    }
    sb.append(String.format(Locale.ROOT, "%-8s %,10d %12s %,12d %,18.2f %,11d%n", "TOTAL", trades, "", totalVolume,
        totalNotional, bigTrades));
    if (bars > 0) {
      sb.append(BAR_HEADER);
      for (Map.Entry<String, SymbolStats> e : bySymbol.entrySet()) {
        Row bar = e.getValue().lastBar;
        if (bar != null) {
          String time = bar.get("bar").toString();
          sb.append(String.format(Locale.ROOT, "%-8s %-12s %10.2f %10.2f %10.2f %10.2f %10.2f%n", e.getKey(),
              time.substring(Math.max(0, time.length() - 8)), num(bar, "open"), num(bar, "high"), num(bar, "low"),
              num(bar, "close"), num(bar, "vwap")));
        }
      }
    }
    return sb.toString();
  }
}
