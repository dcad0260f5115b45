package io.laminardb.bench;

import java.util.List;

/** The input a benchmark query reads: one source, its DDL and its deterministic generator. */
public enum Workload {
  /** NEXMark-style bids ({@link BidGenerator}). */
  BIDS("bids"),
  /** Trades over 1,000 symbols ({@link TradeGenerator}). */
  TRADES("trades"),
  /** The trades in event-time order ({@link AnalyticReference#ticks}). */
  TICKS("ticks"),
  /** NEXMark-style people and auctions, two sources ({@link PersonAuctionGenerator}). */
  PERSONS_AUCTIONS("persons");

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
      case PERSONS_AUCTIONS -> throw new IllegalArgumentException("persons and auctions are two sources");
    };
  }

  /** Every {@code CREATE SOURCE} of this workload. */
  public List<String> createSourceSqls() {
    return this == PERSONS_AUCTIONS ? PersonAuctionGenerator.createSourceSqls() : List.of(createSourceSql(""));
  }

  /** The sources {@link #batches} feed, in the order of {@link #createSourceSqls()}. */
  public List<String> sourceNames() {
    return this == PERSONS_AUCTIONS ? List.of("persons", "auctions") : List.of(sourceName);
  }

  /** Index into {@link #sourceNames()} of the source that batch {@code batchIndex} is pushed to. */
  public int sourceOfBatch(int batchIndex) {
    return this == PERSONS_AUCTIONS ? batchIndex % 2 : 0;
  }

  /** {@code rows} input rows for {@code seed}, cut into batches of {@code batchSize}. */
  public List<List<Object[]>> batches(long seed, int rows, int batchSize) {
    return switch (this) {
      case BIDS -> BidGenerator.batches(seed, rows, batchSize);
      case TRADES -> TradeGenerator.batches(seed, rows, batchSize);
      case TICKS -> AnalyticReference.ticks(seed, rows, batchSize);
      case PERSONS_AUCTIONS -> PersonAuctionGenerator.batches(seed, rows, batchSize);
    };
  }
}
