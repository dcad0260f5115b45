package io.laminardb.bench;

import java.util.List;
import java.util.Locale;

/**
 * The stateless NEXMark-style queries the benchmarks run over {@code bids}, each with a plain-Java reference
 * of the same query so results can be verified.
 */
public enum BenchQuery {
  /** Passthrough. */
  Q0("SELECT * FROM bids", List.of("auction", "bidder", "price", "channel", "url", "ts")),
  /** Projection with arithmetic: price in euros. */
  Q1("SELECT auction, bidder, price * 0.908 AS price_eur, ts%s FROM bids",
      List.of("auction", "bidder", "price_eur", "ts")),
  /** Selection: one auction in 123. */
  Q2("SELECT auction, price%s FROM bids WHERE auction % 123 = 0", List.of("auction", "price"));

  /** The extra column carried by latency runs: System.nanoTime() at push. */
  public static final String SENT_COLUMN = "sent_ns";

  private final String sqlTemplate;
  private final List<String> columns;

  BenchQuery(String sqlTemplate, List<String> columns) {
    this.sqlTemplate = sqlTemplate;
    this.columns = columns;
  }

  public static BenchQuery parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The query text; with {@code withSentColumn}, the output also carries {@link #SENT_COLUMN}. */
  public String sql(boolean withSentColumn) {
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

  /** The reference: the output row for {@code bid}, or null when the query drops it. */
  public Object[] reference(Object[] bid) {
    return switch (this) {
      case Q0 -> bid;
      case Q1 -> new Object[] {bid[BidGenerator.AUCTION], bid[BidGenerator.BIDDER],
          (Long) bid[BidGenerator.PRICE] * 0.908, bid[BidGenerator.TS]};
      case Q2 -> (Long) bid[BidGenerator.AUCTION] % 123 == 0
          ? new Object[] {bid[BidGenerator.AUCTION], bid[BidGenerator.PRICE]} : null;
    };
  }

  /** Count and checksum of the reference result over {@code batches}. */
  public RowChecksum referenceChecksum(List<List<Object[]>> batches) {
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
