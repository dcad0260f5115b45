package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correctness of the benchmarked pipelines (no timing assertions): engine result = plain-Java reference, for
 * every {@link BenchQuery} (stateless and windowed) over 20,000 events pushed in 1,024-row batches, and over
 * the first 5,120 of them pushed row by row.
 */
class EndToEndSmokeTest {
  private static final int ROWS = 20_000;
  private static final Map<Workload, List<List<Object[]>>> BATCHES = Map.of(
      Workload.BIDS, Workload.BIDS.batches(7, ROWS, 1024),
      Workload.TRADES, Workload.TRADES.batches(7, ROWS, 1024),
      Workload.TICKS, Workload.TICKS.batches(7, ROWS, 1024),
      Workload.PERSONS_AUCTIONS, Workload.PERSONS_AUCTIONS.batches(7, ROWS, 1024));

  @ParameterizedTest
  @EnumSource(BenchQuery.class)
  void batchedPushMatchesTheReference(BenchQuery query) {
    assertMatchesReference(query, 1024, BATCHES.get(query.workload()));
  }

  @ParameterizedTest
  @EnumSource(BenchQuery.class)
  void rowByRowPushMatchesTheReference(BenchQuery query) {
    assertMatchesReference(query, 1, BATCHES.get(query.workload()).subList(0, 5));
  }

  private static void assertMatchesReference(BenchQuery query, int batchSize, List<List<Object[]>> batches) {
    RowChecksum expected = query.referenceChecksum(batches);
    PipelineRun.Result result = PipelineRun.run(query, batches, batchSize, new AllocationMeter());
    assertThat(result.columns()).isEqualTo(query.columns());
    assertThat(result.dropped()).isZero();
    assertThat(result.output().count()).as("result rows").isEqualTo(expected.count());
    assertThat(result.output().checksum()).as("checksum").isEqualTo(expected.checksum());
    assertThat(EndToEndBench.verify(result, expected)).isNull();
    assertThat(expected.count()).isPositive();
  }
}
