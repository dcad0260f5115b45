package io.laminardb.bench.compare.flink;

import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.BidEvent;

/** The Q0 result hash of a bid: its six columns. */
final class BidHashes {
  private BidHashes() {}

  static long q0(BidEvent bid) {
    long h = RowChecksum.with(RowChecksum.start(), bid.auction);
    h = RowChecksum.with(h, bid.bidder);
    h = RowChecksum.with(h, bid.price);
    h = RowChecksum.with(h, bid.channel.hashCode());
    h = RowChecksum.with(h, bid.url.hashCode());
    return RowChecksum.with(h, bid.ts);
  }
}
