package io.laminardb.bench.compare;

import io.laminardb.bench.TradeGenerator;

/** A trade as a Flink POJO (public fields, no-argument constructor). */
public class TradeEvent {
  public String symbol;
  public double price;
  public long volume;
  public long ts;

  public TradeEvent() {}

  static TradeEvent of(Object[] row) {
    TradeEvent e = new TradeEvent();
    e.symbol = (String) row[TradeGenerator.SYMBOL];
    e.price = (Double) row[TradeGenerator.PRICE];
    e.volume = (Long) row[TradeGenerator.VOLUME];
    e.ts = (Long) row[TradeGenerator.TS];
    return e;
  }
}
