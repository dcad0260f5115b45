package io.laminardb.bench.compare.flink;

import io.laminardb.bench.compare.BidEvent;
import io.laminardb.bench.compare.TradeEvent;
import io.laminardb.bench.compare.flink.FlinkRows.Q5Row;
import io.laminardb.bench.compare.flink.FlinkRows.Q7Row;
import io.laminardb.bench.compare.flink.FlinkRows.SessionRow;
import io.laminardb.bench.compare.flink.FlinkRows.VwapRow;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The windowed queries' incremental aggregates (one accumulator per key and window, as Flink's
 * {@code aggregate(AggregateFunction, ProcessWindowFunction)} keeps them) and the functions that add the key and
 * window bounds to the result.
 */
final class WindowFunctions {
  private WindowFunctions() {}

  /** COUNT(*) of bids; merges for session windows. */
  static final class CountBids implements AggregateFunction<BidEvent, long[], Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(BidEvent bid, long[] acc) {
      acc[0]++;
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }

  /** MAX(price). */
  static final class MaxPrice implements AggregateFunction<BidEvent, long[], Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[] {Long.MIN_VALUE};
    }

    @Override
    public long[] add(BidEvent bid, long[] acc) {
      acc[0] = Math.max(acc[0], bid.price);
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] = Math.max(a[0], b[0]);
      return a;
    }
  }

  /** Q5's row: auction, window start, count. */
  static final class Q5Window extends ProcessWindowFunction<Long, Q5Row, Long, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Long auction, Context context, Iterable<Long> counts, Collector<Q5Row> out) {
      Q5Row row = new Q5Row();
      row.auction = auction;
      row.ws = context.window().getStart();
      row.n = counts.iterator().next();
      out.collect(row);
    }
  }

  /** Q7's row: window start, highest price. */
  static final class Q7Window extends ProcessAllWindowFunction<Long, Q7Row, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Context context, Iterable<Long> max, Collector<Q7Row> out) {
      Q7Row row = new Q7Row();
      row.ws = context.window().getStart();
      row.maxPrice = max.iterator().next();
      out.collect(row);
    }
  }

  /** The session row: bidder, session start and end (last bid + gap), count. */
  static final class SessionWindow extends ProcessWindowFunction<Long, SessionRow, Long, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Long bidder, Context context, Iterable<Long> counts, Collector<SessionRow> out) {
      SessionRow row = new SessionRow();
      row.bidder = bidder;
      row.start = context.window().getStart();
      row.end = context.window().getEnd();
      row.n = counts.iterator().next();
      out.collect(row);
    }
  }

  /** The VWAP bar under construction: sums, count, and open/close with their event times. */
  public static final class Bar {
    public double notional;
    public long volume;
    public long count;
    public long openTime = Long.MAX_VALUE;
    public double open;
    public long closeTime = Long.MIN_VALUE;
    public double close;

    public Bar() {}
  }

  /**
   * SUM(price * volume), SUM(volume), COUNT(*), FIRST_VALUE and LAST_VALUE in event time (ties: first and last
   * arrival, as the reference).
   */
  static final class VwapAggregate implements AggregateFunction<TradeEvent, Bar, Bar> {
    private static final long serialVersionUID = 1L;

    @Override
    public Bar createAccumulator() {
      return new Bar();
    }

    @Override
    public Bar add(TradeEvent trade, Bar bar) {
      bar.notional += trade.price * trade.volume;
      bar.volume += trade.volume;
      bar.count++;
      if (trade.ts < bar.openTime) {
        bar.openTime = trade.ts;
        bar.open = trade.price;
      }
      if (trade.ts >= bar.closeTime) {
        bar.closeTime = trade.ts;
        bar.close = trade.price;
      }
      return bar;
    }

    @Override
    public Bar getResult(Bar bar) {
      return bar;
    }

    @Override
    public Bar merge(Bar a, Bar b) {
      throw new UnsupportedOperationException("tumbling windows do not merge");
    }
  }

  /** The VWAP row. */
  static final class VwapWindow extends ProcessWindowFunction<Bar, VwapRow, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String symbol, Context context, Iterable<Bar> bars, Collector<VwapRow> out) {
      Bar bar = bars.iterator().next();
      VwapRow row = new VwapRow();
      row.symbol = symbol;
      row.ws = context.window().getStart();
      row.vwap = bar.notional / bar.volume;
      row.n = bar.count;
      row.open = bar.open;
      row.close = bar.close;
      out.collect(row);
    }
  }
}
