package io.laminardb.internal.connector.datagen;

import java.util.Locale;

/** What a DATAGEN source produces; chosen with the {@code kind} option. */
public enum DatagenKind {
  /** Trades: symbol, price, volume, ts; optionally side ('B'/'S') and trade_id. */
  TRADES("symbol, price, volume, ts, side, trade_id"),
  /** Top-of-book quotes: symbol, bid, ask, ts; optionally bid_size, ask_size. */
  QUOTES("symbol, bid, ask, ts, bid_size, ask_size"),
  /** Limit orders: order_id, symbol, side, price, quantity, ts. */
  ORDERS("order_id, symbol, side, price, quantity, ts"),
  /** Every column filled from a row counter (BIGINT, INT, DOUBLE, VARCHAR, TIMESTAMP). */
  SEQUENCE("any BIGINT, INT, DOUBLE, VARCHAR or TIMESTAMP column");

  private final String columnsDescription;

  DatagenKind(String columnsDescription) {
    this.columnsDescription = columnsDescription;
  }

  /** The columns this kind can fill, for error messages. */
  public String columnsDescription() {
    return columnsDescription;
  }

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
