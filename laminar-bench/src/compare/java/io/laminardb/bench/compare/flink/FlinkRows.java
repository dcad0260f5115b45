package io.laminardb.bench.compare.flink;

import io.laminardb.bench.RowChecksum;

/**
 * The Flink jobs' result rows, as POJOs (public fields, no-argument constructors) so Flink serializes them
 * without Kryo; each hashes itself like {@link RowChecksum#addValues} hashes the reference row.
 */
final class FlinkRows {
  private FlinkRows() {}

  /** A result row the checksum sink can hash. */
  interface Hashed {
    long rowHash();

    /** The sent stamp of a latency run's row. */
    default long sentNanos() {
      throw new UnsupportedOperationException();
    }
  }

  /** Q1: auction, bidder, price * 0.908, ts. */
  public static class Q1Row implements Hashed {
    public long auction;
    public long bidder;
    public double priceEur;
    public long ts;

    public Q1Row() {}

    @Override
    public long rowHash() {
      long h = RowChecksum.with(RowChecksum.start(), auction);
      h = RowChecksum.with(h, bidder);
      h = RowChecksum.with(h, RowChecksum.hashDouble(priceEur));
      return RowChecksum.with(h, ts);
    }
  }

  /** Q2: auction, price (and the sent stamp in latency runs). */
  public static class Q2Row implements Hashed {
    public long auction;
    public long price;
    public long sent;

    public Q2Row() {}

    @Override
    public long rowHash() {
      return RowChecksum.with(RowChecksum.with(RowChecksum.start(), auction), price);
    }

    @Override
    public long sentNanos() {
      return sent;
    }
  }

  /** Q5: auction, window start, count. */
  public static class Q5Row implements Hashed {
    public long auction;
    public long ws;
    public long n;

    public Q5Row() {}

    @Override
    public long rowHash() {
      return RowChecksum.with(RowChecksum.with(RowChecksum.with(RowChecksum.start(), auction), ws), n);
    }
  }

  /** Q7: window start, highest price. */
  public static class Q7Row implements Hashed {
    public long ws;
    public long maxPrice;

    public Q7Row() {}

    @Override
    public long rowHash() {
      return RowChecksum.with(RowChecksum.with(RowChecksum.start(), ws), maxPrice);
    }
  }

  /** VWAP: symbol, window start, vwap, count, open, close. */
  public static class VwapRow implements Hashed {
    public String symbol;
    public long ws;
    public double vwap;
    public long n;
    public double open;
    public double close;

    public VwapRow() {}

    @Override
    public long rowHash() {
      long h = RowChecksum.with(RowChecksum.start(), symbol.hashCode());
      h = RowChecksum.with(h, ws);
      h = RowChecksum.with(h, RowChecksum.hashDouble(vwap));
      h = RowChecksum.with(h, n);
      h = RowChecksum.with(h, RowChecksum.hashDouble(open));
      return RowChecksum.with(h, RowChecksum.hashDouble(close));
    }
  }

  /** Session: bidder, session start, session end, count. */
  public static class SessionRow implements Hashed {
    public long bidder;
    public long start;
    public long end;
    public long n;

    public SessionRow() {}

    @Override
    public long rowHash() {
      long h = RowChecksum.with(RowChecksum.start(), bidder);
      h = RowChecksum.with(h, start);
      h = RowChecksum.with(h, end);
      return RowChecksum.with(h, n);
    }
  }
}
