package io.laminardb.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The queries the benchmarks run, each with a plain-Java reference of the same query so results can be
 * verified: stateless NEXMark-style queries over {@code bids}, and windowed aggregates over {@code bids} or
 * {@code trades} (these need a final watermark to close their last windows, see {@link #isWindowed()}).
 */
public enum BenchQuery {
  /** Passthrough. */
  Q0(Workload.BIDS, false, "SELECT * FROM bids", List.of("auction", "bidder", "price", "channel", "url", "ts")),
  /** Projection with arithmetic: price in euros. */
  Q1(Workload.BIDS, false, "SELECT auction, bidder, price * 0.908 AS price_eur, ts%s FROM bids",
      List.of("auction", "bidder", "price_eur", "ts")),
  /** Selection: one auction in 123. */
  Q2(Workload.BIDS, false, "SELECT auction, price%s FROM bids WHERE auction % 123 = 0",
      List.of("auction", "price")),
  /** VWAP, trade count, open and close per symbol per minute (1,000 symbols), emitted when the window closes. */
  VWAP(Workload.TRADES, true, "SELECT symbol, TUMBLE_START(ts, INTERVAL '1' MINUTE) AS ws,"
      + " SUM(price * volume) / SUM(volume) AS vwap, COUNT(*) AS n, FIRST_VALUE(price) AS o,"
      + " LAST_VALUE(price) AS c FROM trades GROUP BY symbol, TUMBLE(ts, INTERVAL '1' MINUTE)"
      + " EMIT ON WINDOW CLOSE", List.of("symbol", "ws", "vwap", "n", "o", "c")),
  /** NEXMark Q5's inner query: bids per auction per hopping window (size 10 s, slide 2 s). */
  Q5(Workload.BIDS, true, "SELECT auction, HOP_START(ts, INTERVAL '2' SECOND, INTERVAL '10' SECOND) AS ws,"
      + " COUNT(*) AS n FROM bids GROUP BY auction, HOP(ts, INTERVAL '2' SECOND, INTERVAL '10' SECOND)",
      List.of("auction", "ws", "n")),
  /** NEXMark Q7's inner query: the highest bid per tumbling 10 s window. */
  Q7(Workload.BIDS, true, "SELECT TUMBLE_START(ts, INTERVAL '10' SECOND) AS ws, MAX(price) AS max_price"
      + " FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)", List.of("ws", "max_price")),
  /** Bids per bidder session (gap 5 s). */
  SESSION(Workload.BIDS, true, "SELECT bidder, SESSION_START(ts, INTERVAL '5' SECOND) AS ss,"
      + " SESSION_END(ts, INTERVAL '5' SECOND) AS se, COUNT(*) AS n FROM bids"
      + " GROUP BY bidder, SESSION(ts, INTERVAL '5' SECOND)", List.of("bidder", "ss", "se", "n")),
  /** Price change against the previous trade and volume over the last 10 trades, per symbol (1,000). */
  LAG(Workload.TICKS, true, "SELECT symbol, ts,"
      + " price - LAG(price, 1, price) OVER (PARTITION BY symbol ORDER BY ts) AS change,"
      + " SUM(volume) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS vol10"
      + " FROM ticks", List.of("symbol", "ts", "change", "vol10")),
  /** The three largest trades per symbol as a changelog (rank changes retract and insert). */
  TOPN(Workload.TICKS, true, "SELECT symbol, price, volume, rn FROM (SELECT symbol, price, volume,"
      + " ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY volume DESC) AS rn FROM ticks) t WHERE rn <= 3"
      + " EMIT CHANGES", List.of("symbol", "price", "volume", "rn", "__weight")),
  /**
   * NEXMark Q8: people who created an auction in the 10 s tumbling window they joined in. A join of two window
   * aggregates gets both sides only as their windows close, already past each other's watermark, so the window
   * is written as an interval SEMI join keyed by (person, window number), bounded by the window size.
   */
  Q8(Workload.PERSONS_AUCTIONS, true, "SELECT p.id AS id, p.name AS name, p.w * 10000 AS ws"
      + " FROM (SELECT id, name, ts, CAST(ts AS BIGINT) / 10000 AS w FROM persons) p WHERE EXISTS (SELECT 1"
      + " FROM (SELECT seller, ts, CAST(ts AS BIGINT) / 10000 AS w FROM auctions) a WHERE a.seller = p.id"
      + " AND a.w = p.w AND a.ts BETWEEN p.ts - INTERVAL '10' SECOND AND p.ts + INTERVAL '10' SECOND)",
      List.of("id", "name", "ws"));

  /** The extra column carried by latency runs: System.nanoTime() at push. */
  public static final String SENT_COLUMN = "sent_ns";

  /**
   * The watermark pushed after the last row of a windowed query's run, closing every window: 2100-01-01,
   * far beyond any generated event time.
   */
  public static final long FINAL_WATERMARK_MS = 4_102_444_800_000L;

  private final Workload workload;
  private final boolean isWindowed;
  private final String sqlTemplate;
  private final List<String> columns;

  BenchQuery(Workload workload, boolean isWindowed, String sqlTemplate, List<String> columns) {
    this.workload = workload;
    this.isWindowed = isWindowed;
    this.sqlTemplate = sqlTemplate;
    this.columns = columns;
  }

  /** The stateless queries (the ones latency mode can run: they pass a column through). */
  public static List<BenchQuery> stateless() {
    return Arrays.stream(values()).filter(q -> !q.isWindowed()).toList();
  }

  public static BenchQuery parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  public Workload workload() {
    return workload;
  }

  /** Windowed aggregate or analytic query: stateful, ended by a final watermark (no per-row reference). */
  public boolean isWindowed() {
    return isWindowed;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The query text; with {@code withSentColumn}, the output also carries {@link #SENT_COLUMN} (stateless
   * queries only).
   */
  public String sql(boolean withSentColumn) {
    if (withSentColumn && isWindowed()) {
      throw new IllegalArgumentException(label() + " aggregates and cannot carry " + SENT_COLUMN);
    }
    return sqlTemplate.contains("%s") ? sqlTemplate.replace("%s", withSentColumn ? ", " + SENT_COLUMN : "")
        : sqlTemplate;
  }

  /** Output column names of {@link #sql(boolean) sql(false)}. */
  public List<String> columns() {
    return columns;
  }

  /** {@code CREATE STREAM <name> AS <sql>}. */
  public String createStreamSql(String name, boolean withSentColumn) {
    return "CREATE STREAM " + name + " AS " + sql(withSentColumn);
  }

  /** The reference of a stateless query: the output row for {@code bid}, or null when the query drops it. */
  public Object[] reference(Object[] bid) {
    return switch (this) {
      case Q0 -> bid;
      case Q1 -> new Object[] {bid[BidGenerator.AUCTION], bid[BidGenerator.BIDDER],
          (Long) bid[BidGenerator.PRICE] * 0.908, bid[BidGenerator.TS]};
      case Q2 -> (Long) bid[BidGenerator.AUCTION] % 123 == 0
          ? new Object[] {bid[BidGenerator.AUCTION], bid[BidGenerator.PRICE]} : null;
      default -> throw new IllegalStateException(label() + " is not a per-row query");
    };
  }

  /**
   * Count and checksum of the reference result over {@code batches} (rows of {@link #workload()}); for windowed
   * queries, every window closed.
   */
  public RowChecksum referenceChecksum(List<List<Object[]>> batches) {
    switch (this) {
      case VWAP -> {
        return WindowedReference.vwap(batches);
      }
      case Q5 -> {
        return WindowedReference.q5(batches);
      }
      case Q7 -> {
        return WindowedReference.q7(batches);
      }
      case SESSION -> {
        return WindowedReference.session(batches);
      }
      case LAG -> {
        return AnalyticReference.lag(batches);
      }
      case TOPN -> {
        return AnalyticReference.topN(batches);
      }
      case Q8 -> {
        return JoinReference.q8(batches);
      }
      default -> {
        // per-row reference below
      }
    }
    RowChecksum checksum = new RowChecksum();
    for (List<Object[]> batch : batches) {
      for (Object[] bid : batch) {
        Object[] out = reference(bid);
        if (out != null) {
          checksum.addValues(out, out.length);
        }
      }
    }
    return checksum;
  }
}
