package io.laminardb.bench.compare.flink;

import io.laminardb.bench.compare.BidEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Maps the indices of Flink's number-sequence source to the pre-built events (split over the source's subtasks
 * in contiguous ranges, each in arrival order). The first event starts the run's clock.
 */
final class EventSource {
  private EventSource() {}

  /** Index to event, for throughput runs. */
  static final class Lookup<T> implements MapFunction<Long, T> {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    public T map(Long index) {
      FlinkProbe.started();
      return (T) FlinkProbe.events[(int) (long) index];
    }
  }

  /** Index to a copy of the bid stamped with its send time, paced by the run's schedule. */
  static final class Paced implements MapFunction<Long, BidEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public BidEvent map(Long index) {
      int i = (int) (long) index;
      BidEvent source = (BidEvent) FlinkProbe.events[i];
      BidEvent bid = new BidEvent();
      bid.auction = source.auction;
      bid.bidder = source.bidder;
      bid.price = source.price;
      bid.channel = source.channel;
      bid.url = source.url;
      bid.ts = source.ts;
      bid.sentNanos = FlinkProbe.schedule.awaitTurn(i);
      return bid;
    }
  }
}
