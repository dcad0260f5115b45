package io.laminardb.examples;

import io.laminardb.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-symbol running totals over the demo's {@code notional} and {@code big_trades} streams, rendered as a
 * small text table. Aggregated here in Java until the demo's SQL grows windowed aggregates.
 */
final class TradeDashboard {
  private static final String HEADER = String.format(Locale.ROOT, "%-8s %10s %12s %12s %18s %11s%n",
      "SYMBOL", "TRADES", "LAST PRICE", "VOLUME", "TOTAL NOTIONAL", "BIG TRADES");

  private static final class SymbolStats {
    long trades;
    double lastPrice;
    long volume;
    double notional;
    long bigTrades;
  }

  private final Map<String, SymbolStats> bySymbol = new TreeMap<>();
  private long trades;
  private long bigTrades;
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

  long trades() {
    return trades;
  }

  long bigTrades() {
    return bigTrades;
  }

  int symbols() {
    return bySymbol.size();
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
    return sb.toString();
  }
}
