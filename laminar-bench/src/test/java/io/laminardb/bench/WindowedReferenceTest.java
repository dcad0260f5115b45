package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The windowed references on small hand-made inputs whose results are worked out here. */
class WindowedReferenceTest {
  private static final long T = BidGenerator.START_TIME_MS;

  private static RowChecksum rows(Object[]... rows) {
    RowChecksum checksum = new RowChecksum();
    for (Object[] row : rows) {
      checksum.addValues(row, row.length);
    }
    return checksum;
  }

  private static Object[] bid(long auction, long bidder, long price, long ts) {
    return new Object[] {auction, bidder, price, "Google", "u", ts};
  }

  @Test
  void vwapOrdersFirstAndLastByEventTimeThenArrival() {
    List<List<Object[]>> trades = List.of(List.of(
        new Object[] {"A", 10.0, 100L, T + 500},
        new Object[] {"A", 12.0, 100L, T + 100},   // earlier event time, later arrival: the open
        new Object[] {"A", 11.0, 200L, T + 59_999},
        new Object[] {"A", 13.0, 200L, T + 59_999}, // same time as the previous, later arrival: the close
        new Object[] {"B", 5.0, 10L, T + 60_000}),
        List.<Object[]>of(new Object[] {"A", 20.0, 1L, T + 60_001}));
    assertThat(WindowedReference.vwap(trades).matches(rows(
        new Object[] {"A", T, (1000.0 + 1200 + 2200 + 2600) / 600, 4L, 12.0, 13.0},
        new Object[] {"B", T + 60_000, 5.0, 1L, 5.0, 5.0},
        new Object[] {"A", T + 60_000, 20.0, 1L, 20.0, 20.0}))).isTrue();
  }

  @Test
  void q5CountsEveryHoppingWindowOfABid() {
    List<List<Object[]>> bids = List.of(List.of(bid(1001, 1, 5, T + 5_000), bid(1001, 2, 5, T + 5_001),
        bid(1002, 3, 5, T + 13_999)));
    assertThat(WindowedReference.q5(bids).matches(rows(
        new Object[] {1001L, T - 4_000, 2L}, new Object[] {1001L, T - 2_000, 2L}, new Object[] {1001L, T, 2L},
        new Object[] {1001L, T + 2_000, 2L}, new Object[] {1001L, T + 4_000, 2L},
        new Object[] {1002L, T + 4_000, 1L}, new Object[] {1002L, T + 6_000, 1L},
        new Object[] {1002L, T + 8_000, 1L}, new Object[] {1002L, T + 10_000, 1L},
        new Object[] {1002L, T + 12_000, 1L}))).isTrue();
  }

  @Test
  void q7TakesTheHighestBidPerWindow() {
    List<List<Object[]>> bids = List.of(List.of(bid(1, 1, 7, T + 1), bid(1, 1, 9, T + 9_999),
        bid(1, 1, 3, T + 10_000)));
    assertThat(WindowedReference.q7(bids).matches(rows(new Object[] {T, 9L}, new Object[] {T + 10_000, 3L})))
        .isTrue();
  }

  @Test
  void sessionsJoinBidsAtMostTheGapApart() {
    List<List<Object[]>> bids = List.of(List.of(bid(1, 1001, 1, T + 5_000), bid(1, 1002, 1, T + 3_000),
        bid(1, 1001, 1, T), bid(1, 1001, 1, T + 10_001)));
    assertThat(WindowedReference.session(bids).matches(rows(
        new Object[] {1001L, T, T + 10_000, 2L},
        new Object[] {1001L, T + 10_001, T + 15_001, 1L},
        new Object[] {1002L, T + 3_000, T + 8_000, 1L}))).isTrue();
  }
}
