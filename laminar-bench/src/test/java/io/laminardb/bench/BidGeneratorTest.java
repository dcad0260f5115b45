package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidGeneratorTest {
  @Test
  void bidsAreDeterministicWithBoundedDisorder() {
    BidGenerator a = new BidGenerator(3);
    BidGenerator b = new BidGenerator(3);
    long max = BidGenerator.START_TIME_MS;
    for (int i = 0; i < 10_000; i++) {
      Object[] x = a.next();
      assertThat(b.next()).containsExactly(x);
      long ts = (Long) x[BidGenerator.TS];
      assertThat(ts).isBetween(BidGenerator.START_TIME_MS + i - BidGenerator.MAX_DISORDER_MS,
          BidGenerator.START_TIME_MS + i);
      assertThat(ts).isGreaterThanOrEqualTo(max - BidGenerator.MAX_DISORDER_MS);
      max = Math.max(max, ts);
    }
  }
}
