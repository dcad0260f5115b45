package io.laminardb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.bench.BenchQuery;
import io.laminardb.bench.RowChecksum;
import io.laminardb.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correctness of every comparison adapter (no timing): each engine's result of each benchmark query over 20,000
 * generated events equals the plain-Java reference, and an engine that cannot express a query says why. Runs
 * only in the {@code compare} profile ({@code mvn -Pcompare -pl laminar-bench -am test}).
 */
class CompareAdaptersTest {
  private static final int ROWS = 20_000;
  private static final Map<Workload, CompareInput> INPUTS = Map.of(
      Workload.BIDS, new CompareInput(Workload.BIDS, 7, ROWS),
      Workload.TRADES, new CompareInput(Workload.TRADES, 7, ROWS));

  static Stream<Arguments> engineQueries() {
    List<Arguments> cases = new ArrayList<>();
    for (String engine : CompareBench.ENGINES.keySet()) {
      for (BenchQuery query : CompareBench.COMPARED) {
        cases.add(Arguments.of(engine, query));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("engineQueries")
  void resultMatchesTheReference(String engineName, BenchQuery query) throws Exception {
    Engine engine = CompareBench.ENGINES.get(engineName).get();
    CompareInput input = INPUTS.get(query.workload());
    RowChecksum expected = input.expected(query);
    assertThat(expected.count()).isPositive();
    String unsupported = engine.unsupported(query);
    if (unsupported != null) {
      assertThat(query).isEqualTo(BenchQuery.SESSION);
      assertThat(unsupported).contains("session");
      return;
    }
    EngineRun run = engine.run(query, input);
    assertThat(run.rowsIn()).isEqualTo(ROWS);
    assertThat(run.output().count()).as("result rows").isEqualTo(expected.count());
    assertThat(run.output().checksum()).as("checksum").isEqualTo(expected.checksum());
    assertThat(run.elapsedNanos()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("latencyEngines")
  void latencyRunsDeliverEveryResult(String engineName) throws Exception {
    CompareInput bids = new CompareInput(Workload.BIDS, 7, 5_000);
    for (BenchQuery query : List.of(BenchQuery.Q0, BenchQuery.Q2)) {
      LatencyResult r = CompareBench.ENGINES.get(engineName).get()
          .latency(query, bids, new PacedSchedule(1_000_000, bids.rows()));
      assertThat(r.resultRows()).as(query.label()).isEqualTo(bids.expected(query).count());
      assertThat(r.histogram().getTotalCount()).isPositive();
    }
  }

  static Stream<String> latencyEngines() {
    return Stream.of("flink-p1", "esper", "siddhi", "loop");
  }
}
