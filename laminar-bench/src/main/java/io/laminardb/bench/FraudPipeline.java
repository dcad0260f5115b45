package io.laminardb.bench;

import java.util.List;

/**
 * The six concurrent streams of the fraud-detection pipeline (laminardb-perf.md section 7.1) over
 * {@link MarketDataGenerator}'s {@code trades} and {@code orders}, all in one database.
 */
public enum FraudPipeline {
  /** Volume baseline per symbol: hopping 10 s windows sliding by 2 s. */
  VOL_BASELINE("SELECT symbol, HOP_START(ts, INTERVAL '2' SECOND, INTERVAL '10' SECOND) AS ws,"
      + " SUM(volume) AS vol, COUNT(*) AS n, AVG(price) AS avg_price FROM trades"
      + " GROUP BY symbol, HOP(ts, INTERVAL '2' SECOND, INTERVAL '10' SECOND)",
      List.of("symbol", "ws", "vol", "n", "avg_price")),
  /** Open, high, low, close and volume per symbol per tumbling 5 s window. */
  OHLC_VOL("SELECT symbol, TUMBLE_START(ts, INTERVAL '5' SECOND) AS ws, FIRST_VALUE(price) AS o,"
      + " MAX(price) AS h, MIN(price) AS l, LAST_VALUE(price) AS c, SUM(volume) AS v FROM trades"
      + " GROUP BY symbol, TUMBLE(ts, INTERVAL '5' SECOND)", List.of("symbol", "ws", "o", "h", "l", "c", "v")),
  /** Bursts of trades per account: sessions with a 2 s gap. */
  RAPID_FIRE("SELECT account_id, SESSION_START(ts, INTERVAL '2' SECOND) AS ss,"
      + " SESSION_END(ts, INTERVAL '2' SECOND) AS se, COUNT(*) AS n, SUM(volume) AS v FROM trades"
      + " GROUP BY account_id, SESSION(ts, INTERVAL '2' SECOND)", List.of("account_id", "ss", "se", "n", "v")),
  /** Wash-trading score inputs: buy and sell volume per account and symbol per tumbling 5 s window. */
  WASH_SCORE("SELECT account_id, symbol, TUMBLE_START(ts, INTERVAL '5' SECOND) AS ws,"
      + " SUM(CASE WHEN side = 'B' THEN volume ELSE 0 END) AS buy_vol,"
      + " SUM(CASE WHEN side = 'S' THEN volume ELSE 0 END) AS sell_vol,"
      + " SUM(CASE WHEN side = 'B' THEN 1 ELSE 0 END) AS buys, COUNT(*) AS n FROM trades"
      + " GROUP BY account_id, symbol, TUMBLE(ts, INTERVAL '5' SECOND)",
      List.of("account_id", "symbol", "ws", "buy_vol", "sell_vol", "buys", "n")),
  /** Every trade with every order on its symbol within 2 s either side (interval join). */
  SUSPICIOUS_MATCH("SELECT t.symbol AS symbol, t.account_id AS account_id, t.price AS trade_price,"
      + " o.order_id AS order_id, o.price AS order_price FROM trades t JOIN orders o ON t.symbol = o.symbol"
      + " AND o.ts BETWEEN t.ts - INTERVAL '2' SECOND AND t.ts + INTERVAL '2' SECOND",
      List.of("symbol", "account_id", "trade_price", "order_id", "order_price")),
  /** Every trade with the latest order on its symbol at or before it (ASOF join, NULLs when none). */
  ASOF_MATCH("SELECT t.symbol AS symbol, t.account_id AS account_id, t.price AS trade_price,"
      + " o.order_id AS order_id, o.price AS order_price FROM trades t ASOF JOIN orders o"
      + " MATCH_CONDITION(t.ts >= o.ts) ON t.symbol = o.symbol",
      List.of("symbol", "account_id", "trade_price", "order_id", "order_price"));

  private final String sql;
  private final List<String> columns;

  FraudPipeline(String sql, List<String> columns) {
    this.sql = sql;
    this.columns = columns;
  }

  /** The stream's name in the database, e.g. {@code vol_baseline}. */
  public String streamName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String createStreamSql() {
    return "CREATE STREAM " + streamName() + " AS " + sql;
  }

  public List<String> columns() {
    return columns;
  }
}
