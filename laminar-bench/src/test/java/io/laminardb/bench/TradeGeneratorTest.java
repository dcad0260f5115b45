package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeGeneratorTest {
  @Test
  void tradesAreDeterministicWithBoundedDisorderAndExactNotionals() {
    TradeGenerator a = new TradeGenerator(3);
    TradeGenerator b = new TradeGenerator(3);
    Set<Object> symbols = new HashSet<>();
    long max = BidGenerator.START_TIME_MS;
    for (int i = 0; i < 20_000; i++) {
      Object[] x = a.next();
      assertThat(b.next()).containsExactly(x);
      long ts = (Long) x[TradeGenerator.TS];
      assertThat(ts).isBetween(BidGenerator.START_TIME_MS + i - TradeGenerator.MAX_DISORDER_MS,
          BidGenerator.START_TIME_MS + i);
      assertThat(ts).isGreaterThanOrEqualTo(max - TradeGenerator.MAX_DISORDER_MS);
      max = Math.max(max, ts);
      double price = (Double) x[TradeGenerator.PRICE];
      assertThat(price * 8).isEqualTo(Math.rint(price * 8)).isBetween(80.0, 80_000.0);
      assertThat((Long) x[TradeGenerator.VOLUME]).isBetween(1L, (long) TradeGenerator.MAX_VOLUME);
      symbols.add(x[TradeGenerator.SYMBOL]);
    }
    assertThat(symbols).hasSize(TradeGenerator.SYMBOLS);
  }
}
