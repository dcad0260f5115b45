package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Correctness of the benchmarked pipelines (no timing assertions): engine result = plain-Java reference. */
class EndToEndSmokeTest {
  private static final int ROWS = 20_000;
  private static final List<List<Object[]>> BATCHES = BidGenerator.batches(7, ROWS, 1024);

  @ParameterizedTest
  @EnumSource(BenchQuery.class)
  void batchedPushMatchesTheReference(BenchQuery query) {
    assertMatchesReference(query, 1024, BATCHES);
  }

  @ParameterizedTest
  @EnumSource(BenchQuery.class)
  void rowByRowPushMatchesTheReference(BenchQuery query) {
    assertMatchesReference(query, 1, BATCHES.subList(0, 5));
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
