package io.laminardb.bench.compare.esper;

import io.laminardb.bench.BenchQuery;

/**
 * The benchmark queries in EPL. Esper's windows run on the runtime's clock (processing time, or arrival order with
 * {@code ext_timed}), which would put out-of-order events in the wrong window; so the windowed queries keep
 * event-time windows in tables keyed by their computed window start and close them on {@code Watermark} events
 * (max event time - 1 s, sent after every 1,024 events): the statement named {@code out} selects the rows of
 * windows that end at or before the watermark into a stream whose events delete them. (A single
 * {@code on ... select and delete} on a table throws inside Esper 9.0.0 whenever nothing matches.) Output rows are
 * object arrays in the query's column order.
 */
final class EsperQueries {
  static final String BID_SCHEMA = "@public @buseventtype create objectarray schema Bid(auction long, bidder long,"
      + " price long, channel string, url string, ts long%s);\n";
  static final String TRADE_SCHEMA = "@public @buseventtype create objectarray schema Trade(symbol string,"
      + " price double, volume long, ts long);\n";
  static final String WATERMARK_SCHEMA = "@public @buseventtype create objectarray schema Watermark(ts long);\n";
  private static final String OUT = "@name('out') @EventRepresentation(objectarray) ";

  private EsperQueries() {}

  /** The EPL module of {@code query}; {@code withSent} adds the latency stamp (stateless queries only). */
  static String epl(BenchQuery query, boolean withSent) {
    String bids = BID_SCHEMA.formatted(withSent ? ", sent long" : "") + WATERMARK_SCHEMA;
    String sent = withSent ? ", sent" : "";
    return switch (query) {
      case Q0 -> bids + OUT + "select * from Bid;";
      case Q1 -> bids + OUT + "select auction, bidder, price * 0.908 as price_eur, ts from Bid;";
      case Q2 -> bids + OUT + "select auction, price" + sent + " from Bid where auction % 123 = 0;";
      case Q7 -> bids + """
          create table Q7Window(ws long primary key, maxPrice maxever(long));
          create index Q7ByStart on Q7Window(ws btree);
          into table Q7Window select maxever(price) as maxPrice from Bid group by ts - ts % 10000;
          """ + OUT + "on Watermark as w insert into Q7Closed select t.ws as ws, t.maxPrice as max_price"
          + " from Q7Window as t where t.ws <= w.ts - 10000;\n"
          + "on Q7Closed as c delete from Q7Window as t where t.ws = c.ws;";
      case Q5 -> bids + q5();
      case VWAP -> TRADE_SCHEMA + WATERMARK_SCHEMA + """
          create table Bar(symbol string primary key, ws long primary key, notional double, vol long, n long,
            o double, ot long, c double, ct long);
          create index BarByStart on Bar(ws btree);
          on Trade as t merge Bar as b where b.symbol = t.symbol and b.ws = t.ts - t.ts % 60000
            when not matched then insert select t.symbol as symbol, t.ts - t.ts % 60000 as ws,
              t.price * t.volume as notional, t.volume as vol, 1L as n, t.price as o, t.ts as ot, t.price as c,
              t.ts as ct
            when matched then update set notional = b.notional + t.price * t.volume, vol = b.vol + t.volume,
                n = b.n + 1
              then update set o = t.price, ot = t.ts where t.ts < b.ot
              then update set c = t.price, ct = t.ts where t.ts >= b.ct;
          """ + OUT + "on Watermark as w insert into BarClosed select b.symbol as symbol, b.ws as ws,"
          + " b.notional / b.vol as vwap, b.n as n, b.o as o, b.c as c from Bar as b where b.ws <= w.ts - 60000;\n"
          + "on BarClosed as c delete from Bar as b where b.symbol = c.symbol and b.ws = c.ws;";
      case SESSION -> throw new IllegalArgumentException(EsperEngine.SESSION_UNSUPPORTED);
      default -> throw new IllegalArgumentException(query.label() + " is not part of the comparison");
    };
  }

  /** Hopping windows (10 s, slide 2 s) as five tumbling 10 s windows offset by 0, 2, 4, 6 and 8 s. */
  private static String q5() {
    StringBuilder sb = new StringBuilder("""
        create table Q5Window(auction long primary key, ws long primary key, n count(*));
        create index Q5ByStart on Q5Window(ws btree);
        """);
    for (int offset = 0; offset < 10_000; offset += 2_000) {
      String shifted = "(ts - " + offset + ")";
      sb.append("into table Q5Window select count(*) as n from Bid group by auction, ")
          .append(shifted).append(" - ").append(shifted).append(" % 10000 + ").append(offset).append(";\n");
    }
    return sb.append(OUT).append("on Watermark as w insert into Q5Closed select t.auction as auction, t.ws as ws,")
        .append(" t.n as n from Q5Window as t where t.ws <= w.ts - 10000;\n")
        .append("on Q5Closed as c delete from Q5Window as t where t.auction = c.auction and t.ws = c.ws;").toString();
  }
}
