package io.laminardb.bench;

import java.util.List;

/** The input a benchmark query reads: one source, its DDL and its deterministic generator. */
public enum Workload {
  /** NEXMark-style bids ({@link BidGenerator}). */
  BIDS("bids"),
  /** Trades over 1,000 symbols ({@link TradeGenerator}). */
  TRADES("trades"),
  /** The trades in event-time order ({@link AnalyticReference#ticks}). */
  TICKS("ticks");

  private final String sourceName;

  Workload(String sourceName) {
    this.sourceName = sourceName;
  }

  public String sourceName() {
    return sourceName;
  }

  /** {@code CREATE SOURCE} for this workload; {@code extraColumns} (bids only) is appended to the columns. */
  public String createSourceSql(String extraColumns) {
    return switch (this) {
      case BIDS -> BidGenerator.createSourceSql(sourceName, extraColumns);
      case TRADES -> {
        if (!extraColumns.isEmpty()) {
          throw new IllegalArgumentException("the trades workload takes no extra columns");
        }
        yield TradeGenerator.createSourceSql(sourceName);
      }
      case TICKS -> TradeGenerator.createSourceSql(sourceName);
    };
  }

  /** {@code rows} input rows for {@code seed}, cut into batches of {@code batchSize}. */
  public List<List<Object[]>> batches(long seed, int rows, int batchSize) {
    return switch (this) {
      case BIDS -> BidGenerator.batches(seed, rows, batchSize);
      case TRADES -> TradeGenerator.batches(seed, rows, batchSize);
      case TICKS -> AnalyticReference.ticks(seed, rows, batchSize);
    };
  }
}
