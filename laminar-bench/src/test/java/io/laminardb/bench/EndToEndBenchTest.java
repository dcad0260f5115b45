package io.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndToEndBenchTest {
  @Test
  void parsesOptions() {
    EndToEndBench.Options o = EndToEndBench.Options.parse(new String[] {"--query", "q1,q2", "--rows", "1_000",
        "--runs=3", "--warmup", "0", "--batch", "1024,1", "--out", "x.json"});
    assertThat(o).isEqualTo(new EndToEndBench.Options(List.of(BenchQuery.Q1, BenchQuery.Q2), 1000, 3, 0,
        List.of(1024, 1), 42, false, 100_000, Path.of("x.json")));
  }

  @Test
  void latencyModeDefaultsToTenSecondsOfRows() {
    EndToEndBench.Options o = EndToEndBench.Options.parse(new String[] {"--latency", "--rate", "5000"});
    assertThat(o.isLatency()).isTrue();
    assertThat(o.rows()).isEqualTo(50_000);
    assertThat(o.queries()).containsExactly(BenchQuery.Q0, BenchQuery.Q1, BenchQuery.Q2);
    assertThat(o.out()).isEqualTo(Path.of("bench-results", "e2e-latency.json"));
    assertThat(EndToEndBench.Options.parse(new String[0]).out()).isEqualTo(Path.of("bench-results", "e2e.json"));
  }

  @Test
  void queryGroupsExpandWithoutDuplicates() {
    assertThat(EndToEndBench.Options.parse(new String[0]).queries()).containsExactly(BenchQuery.values());
    assertThat(EndToEndBench.Options.parse(new String[] {"--query", "windowed,q7,Q0"}).queries())
        .containsExactly(BenchQuery.VWAP, BenchQuery.Q5, BenchQuery.Q7, BenchQuery.SESSION, BenchQuery.LAG,
            BenchQuery.TOPN, BenchQuery.Q8, BenchQuery.Q0);
    assertThat(EndToEndBench.Options.parse(new String[] {"--query", "stateless"}).queries())
        .containsExactly(BenchQuery.Q0, BenchQuery.Q1, BenchQuery.Q2);
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> EndToEndBench.Options.parse(new String[] {"--latency", "--query", "vwap"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stateless");
    assertThatThrownBy(() -> EndToEndBench.Options.parse(new String[] {"--rows", "0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rows");
    assertThatThrownBy(() -> EndToEndBench.Options.parse(new String[] {"--query", "q9"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EndToEndBench.Options.parse(new String[] {"--frobnicate", "1"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> EndToEndBench.Options.parse(new String[] {"--runs"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(EndToEndBench.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(EndToEndBench.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    assertThat(EndToEndBench.median(new double[0])).isNaN();
  }
}
