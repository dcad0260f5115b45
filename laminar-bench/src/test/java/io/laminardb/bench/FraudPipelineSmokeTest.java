package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Correctness of the fraud pipeline benchmark (no timing assertions): each of the six streams, run together in
 * one database over 20,000 trades and their orders, emits exactly the rows of its plain-Java reference.
 */
class FraudPipelineSmokeTest {
  private static final int TRADES = 20_000;

  @Test
  void everyStreamMatchesItsReference() {
    List<List<Object[]>> batches = MarketDataGenerator.batches(7, TRADES, 1024);
    Map<FraudPipeline, RowChecksum> expected = FraudReference.all(batches);
    FraudPipelineRun.Result result = FraudPipelineRun.run(batches, new AllocationMeter());

    assertThat(result.trades()).isEqualTo(TRADES);
    assertThat(result.dropped()).isZero();
    for (FraudPipeline stream : FraudPipeline.values()) {
      RowChecksum got = result.outputs().get(stream);
      assertThat(expected.get(stream).count()).as(stream + " reference rows").isPositive();
      assertThat(got.count()).as(stream + " rows").isEqualTo(expected.get(stream).count());
      assertThat(got.checksum()).as(stream + " checksum").isEqualTo(expected.get(stream).checksum());
    }
    assertThat(FraudPipelineBench.verify(result, expected)).isNull();
    // every trade gets exactly one ASOF row, matched or NULL-padded
    assertThat(result.outputs().get(FraudPipeline.ASOF_MATCH).count()).isEqualTo(TRADES);
  }

  @Test
  void generatorIsDeterministicAndPairsOrdersWithTrades() {
    List<List<Object[]>> a = MarketDataGenerator.batches(3, 5_000, 1024);
    List<List<Object[]>> b = MarketDataGenerator.batches(3, 5_000, 1024);
    assertThat(a).hasSize(10);
    long orders = 0;
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).hasSameSizeAs(b.get(i));
      for (int j = 0; j < a.get(i).size(); j++) {
        assertThat(a.get(i).get(j)).containsExactly(b.get(i).get(j));
      }
      if (i % 2 == 0) {
        orders += a.get(i).size();
      } else {
        assertThat(a.get(i)).hasSize(i == a.size() - 1 ? 5_000 - 4 * 1024 : 1024);
      }
    }
    // about 30% of trades come with an order
    assertThat(orders).isBetween(1_300L, 1_700L);
    // an order precedes its trade by at most MAX_ORDER_LEAD_MS and shares its account, symbol and side
    Object[] order = a.get(0).get(0);
    Object[] trade = a.get(1).stream().filter(t -> t[MarketDataGenerator.T_ORDER_REF].equals(order[0]))
        .findFirst().orElseThrow();
    assertThat(order[1]).isEqualTo(trade[MarketDataGenerator.T_ACCOUNT]);
    assertThat(order[MarketDataGenerator.O_SYMBOL]).isEqualTo(trade[MarketDataGenerator.T_SYMBOL]);
    assertThat(order[3]).isEqualTo(trade[MarketDataGenerator.T_SIDE]);
    assertThat((Long) trade[MarketDataGenerator.T_TS] - (Long) order[MarketDataGenerator.O_TS])
        .isBetween(0L, (long) MarketDataGenerator.MAX_ORDER_LEAD_MS);
  }
}
