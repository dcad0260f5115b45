package io.laminardb.bench.compare.siddhi;

import io.laminardb.bench.BenchQuery;

/**
 * The benchmark queries as Siddhi apps, results into stream {@code Out}. Siddhi's time windows follow its clock
 * or arrival order, so the windowed queries keep event-time windows as rows of a table keyed by their computed
 * window start, read (left outer join) and written back per event with {@code update or insert}; a {@code Watermark} event (max event time - 1 s,
 * after every 1,024 events) joins the table to emit the windows that end at or before it, and each emitted row
 * deletes its window.
 */
final class SiddhiQueries {
  static final String BIDS = "define stream Bid (auction long, bidder long, price long, channel string,"
      + " url string, ts long%s);\n";
  static final String TRADES = "define stream Trade (symbol string, price double, volume long, ts long);\n";
  static final String WATERMARK = "define stream Watermark (ts long);\n";

  private SiddhiQueries() {}

  static String app(BenchQuery query, boolean withSent) {
    String bids = BIDS.formatted(withSent ? ", sent long" : "") + WATERMARK;
    String sent = withSent ? ", sent" : "";
    return switch (query) {
      case Q0 -> bids + "from Bid select * insert into Out;";
      case Q1 -> bids + "from Bid select auction, bidder, price * 0.908 as price_eur, ts insert into Out;";
      case Q2 -> bids + "from Bid[auction % 123 == 0] select auction, price" + sent + " insert into Out;";
      case Q7 -> bids + """
          @primaryKey('ws') define table Q7Window (ws long, maxPrice long);
          from Bid left outer join Q7Window on Q7Window.ws == Bid.ts - Bid.ts % 10000
            select Bid.ts - Bid.ts % 10000 as ws,
              ifThenElse(Q7Window.maxPrice is null or Bid.price > Q7Window.maxPrice, Bid.price, Q7Window.maxPrice)
                as maxPrice
            update or insert into Q7Window on Q7Window.ws == ws;
          from Watermark join Q7Window on Q7Window.ws <= Watermark.ts - 10000
            select Q7Window.ws as ws, Q7Window.maxPrice as max_price insert into Out;
          from Out delete Q7Window on Q7Window.ws == ws;
          """;
      case Q5 -> bids + q5();
      case VWAP -> TRADES + WATERMARK + """
          @primaryKey('symbol', 'ws') define table Bar (symbol string, ws long, notional double, vol long, n long,
            o double, ot long, c double, ct long);
          from Trade left outer join Bar on Bar.symbol == Trade.symbol and Bar.ws == Trade.ts - Trade.ts % 60000
            select Trade.symbol as symbol, Trade.ts - Trade.ts % 60000 as ws,
              ifThenElse(Bar.n is null, Trade.price * Trade.volume, Bar.notional + Trade.price * Trade.volume)
                as notional,
              ifThenElse(Bar.n is null, Trade.volume, Bar.vol + Trade.volume) as vol,
              ifThenElse(Bar.n is null, 1L, Bar.n + 1L) as n,
              ifThenElse(Bar.n is null or Trade.ts < Bar.ot, Trade.price, Bar.o) as o,
              ifThenElse(Bar.n is null or Trade.ts < Bar.ot, Trade.ts, Bar.ot) as ot,
              ifThenElse(Bar.n is null or Trade.ts >= Bar.ct, Trade.price, Bar.c) as c,
              ifThenElse(Bar.n is null or Trade.ts >= Bar.ct, Trade.ts, Bar.ct) as ct
            update or insert into Bar on Bar.symbol == symbol and Bar.ws == ws;
          from Watermark join Bar on Bar.ws <= Watermark.ts - 60000
            select Bar.symbol as symbol, Bar.ws as ws, Bar.notional / Bar.vol as vwap, Bar.n as n, Bar.o as o,
              Bar.c as c
            insert into Out;
          from Out delete Bar on Bar.symbol == symbol and Bar.ws == ws;
          """;
      case SESSION -> throw new IllegalArgumentException(SiddhiEngine.SESSION_UNSUPPORTED);
      default -> throw new IllegalArgumentException(query.label() + " is not part of the comparison");
    };
  }

  /** Hopping windows (10 s, slide 2 s) as five tumbling 10 s windows offset by 0, 2, 4, 6 and 8 s. */
  private static String q5() {
    StringBuilder sb = new StringBuilder("@primaryKey('auction', 'ws') define table Q5Window (auction long, ws long,"
        + " n long);\n");
    for (int offset = 0; offset < 10_000; offset += 2_000) {
      String shifted = "(Bid.ts - " + offset + ")";
      String ws = shifted + " - " + shifted + " % 10000 + " + offset;
      sb.append("from Bid left outer join Q5Window on Q5Window.auction == Bid.auction and Q5Window.ws == ")
          .append(ws).append(" select Bid.auction as auction, ").append(ws)
          .append(" as ws, ifThenElse(Q5Window.n is null, 1L, Q5Window.n + 1L) as n")
          .append(" update or insert into Q5Window on Q5Window.auction == auction and Q5Window.ws == ws;\n");
    }
    return sb.append("from Watermark join Q5Window on Q5Window.ws <= Watermark.ts - 10000 select Q5Window.auction")
        .append(" as auction, Q5Window.ws as ws, Q5Window.n as n insert into Out;\n")
        .append("from Out delete Q5Window on Q5Window.auction == auction and Q5Window.ws == ws;\n").toString();
  }
}
