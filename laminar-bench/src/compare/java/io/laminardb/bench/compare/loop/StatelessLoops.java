package io.laminardb.bench.compare.loop;

import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.compare.CompareInput;

/** Q0, Q1 and Q2 as loops: every bid (or the selected ones) hashed as the query's output row. */
final class StatelessLoops {
  private StatelessLoops() {}

  static void q0(CompareInput.Columns c, int n, RowChecksum out) {
    for (int i = 0; i < n; i++) {
      long h = RowChecksum.with(RowChecksum.start(), c.auction[i]);
      h = RowChecksum.with(h, c.bidder[i]);
      h = RowChecksum.with(h, c.price[i]);
      h = RowChecksum.with(h, c.channel[i].hashCode());
      h = RowChecksum.with(h, c.url[i].hashCode());
      out.addHashed(RowChecksum.with(h, c.ts[i]));
    }
  }

  static void q1(CompareInput.Columns c, int n, RowChecksum out) {
    for (int i = 0; i < n; i++) {
      long h = RowChecksum.with(RowChecksum.start(), c.auction[i]);
      h = RowChecksum.with(h, c.bidder[i]);
      h = RowChecksum.with(h, RowChecksum.hashDouble(c.price[i] * 0.908));
      out.addHashed(RowChecksum.with(h, c.ts[i]));
    }
  }

  static void q2(CompareInput.Columns c, int n, RowChecksum out) {
    for (int i = 0; i < n; i++) {
      if (c.auction[i] % 123 == 0) {
        out.addHashed(RowChecksum.with(RowChecksum.with(RowChecksum.start(), c.auction[i]), c.price[i]));
      }
    }
  }
}
