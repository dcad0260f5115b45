package io.laminardb.bench.compare;

import io.laminardb.bench.BidGenerator;

/** A bid as a Flink POJO (public fields, no-argument constructor); {@code sentNanos} is for latency runs. */
public class BidEvent {
  public long auction;
  public long bidder;
  public long price;
  public String channel;
  public String url;
  public long ts;
  public long sentNanos;

  public BidEvent() {}

  static BidEvent of(Object[] row) {
    BidEvent e = new BidEvent();
    e.auction = (Long) row[BidGenerator.AUCTION];
    e.bidder = (Long) row[BidGenerator.BIDDER];
    e.price = (Long) row[BidGenerator.PRICE];
    e.channel = (String) row[BidGenerator.CHANNEL];
    e.url = (String) row[BidGenerator.URL];
    e.ts = (Long) row[BidGenerator.TS];
    return e;
  }
}
