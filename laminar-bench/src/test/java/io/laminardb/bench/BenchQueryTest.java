package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchQueryTest {
  @Test
  void referenceQueriesBehaveLikeTheirSql() {
    Object[] bid = new BidGenerator(1).next();
    assertThat(BenchQuery.Q0.reference(bid)).isSameAs(bid);
    Object[] q1 = BenchQuery.Q1.reference(bid);
    assertThat((Double) q1[2]).isEqualTo((Long) bid[BidGenerator.PRICE] * 0.908);
    Object[] kept = {123L * 11, 1L, 500L, "Google", "u", 0L};
    assertThat(BenchQuery.Q2.reference(kept)).containsExactly(1353L, 500L);
    Object[] dropped = {124L, 1L, 500L, "Google", "u", 0L};
    assertThat(BenchQuery.Q2.reference(dropped)).isNull();
    assertThat(BenchQuery.Q1.sql(true)).isEqualTo("SELECT auction, bidder, price * 0.908 AS price_eur, ts, sent_ns"
        + " FROM bids");
    assertThat(BenchQuery.Q2.sql(false)).isEqualTo("SELECT auction, price FROM bids WHERE auction % 123 = 0");
  }

  @Test
  void windowedQueriesReadTheirWorkloadAndCarryNoLatencyStamp() {
    assertThat(BenchQuery.stateless()).containsExactly(BenchQuery.Q0, BenchQuery.Q1, BenchQuery.Q2);
    assertThat(BenchQuery.VWAP.workload()).isEqualTo(Workload.TRADES);
    assertThat(BenchQuery.VWAP.sql(false)).contains("FROM trades").endsWith("EMIT ON WINDOW CLOSE");
    assertThat(BenchQuery.SESSION.workload()).isEqualTo(Workload.BIDS);
    assertThat(BenchQuery.parse("session")).isEqualTo(BenchQuery.SESSION);
    assertThatThrownBy(() -> BenchQuery.Q5.sql(true)).isInstanceOf(IllegalArgumentException.class);
  }
}
