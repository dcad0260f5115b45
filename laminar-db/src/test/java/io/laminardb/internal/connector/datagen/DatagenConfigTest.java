package io.laminardb.internal.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatagenConfigTest {
  private final ManualClock clock = new ManualClock(1_700_000_000_000L);

  private DatagenConfig parse(Map<String, String> options) {
    return DatagenConfig.parse("trades", options, clock);
  }

  private static void assertConfigError(Runnable r, String... fragments) {
    assertThatThrownBy(r::run)
        .isInstanceOf(LaminarException.class)
        .satisfies(e -> assertThat(((LaminarException) e).errorCode()).isEqualTo(ErrorCode.CONNECTOR_CONFIG))
        .hasMessageContaining("LDB-5005")
        .hasMessageContaining("'trades'")
        .hasMessageContainingAll(fragments);
  }

  @Test
  void defaultsWhenNoOptions() {
    DatagenConfig c = parse(Map.of());
    assertThat(c).isEqualTo(DatagenConfig.defaults(DatagenKind.TRADES));
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.symbols()).isEqualTo(100);
    assertThat(c.isPaced()).isFalse();
    assertThat(c.isBounded()).isFalse();
    assertThat(c.batchSize()).isEqualTo(1024);
    assertThat(c.startTimeMs()).isZero();
    assertThat(c.maxDisorderMs()).isZero();
  }

  @Test
  void parsesEveryOption() {
    DatagenConfig c = parse(Map.of("kind", "QUOTES", "rows_per_second", "1000", "seed", "7", "symbols", "8",
        "max_disorder_ms", "200", "start_time", "5000", "limit", "10_000", "batch_size", "64"));
    assertThat(c).isEqualTo(new DatagenConfig(DatagenKind.QUOTES, 1000, 7, 8, 200, 5000, 10_000, 64));
  }

  @Test
  void keysAreCaseInsensitiveAndHyphensMatchUnderscores() {
    DatagenConfig c = parse(Map.of("Rows-Per-Second", "250", "KIND", "orders"));
    assertThat(c.kind()).isEqualTo(DatagenKind.ORDERS);
    assertThat(c.rowsPerSecond()).isEqualTo(250);
  }

  @Test
  void pacedSourcesDefaultToSmallBatches() {
    assertThat(parse(Map.of("rows_per_second", "2000")).batchSize()).isEqualTo(20);
    assertThat(parse(Map.of("rows_per_second", "10")).batchSize()).isEqualTo(1);
    assertThat(parse(Map.of("rows_per_second", "1000000")).batchSize()).isEqualTo(1024);
    assertThat(parse(Map.of("rows_per_second", "0")).batchSize()).isEqualTo(1024);
    assertThat(parse(Map.of("rows_per_second", "2000", "batch_size", "500")).batchSize()).isEqualTo(500);
  }

  @Test
  void startTimeNowReadsTheClock() {
    assertThat(parse(Map.of("start_time", "now")).startTimeMs()).isEqualTo(1_700_000_000_000L);
    assertThat(parse(Map.of("start_time", "NOW")).startTimeMs()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void startTimeAcceptsEpochMillisAndIsoInstants() {
    assertThat(parse(Map.of("start_time", "123")).startTimeMs()).isEqualTo(123);
    assertThat(parse(Map.of("start_time", "2024-01-01T00:00:00Z")).startTimeMs()).isEqualTo(1_704_067_200_000L);
  }

  @Test
  void unknownOptionNamesTheKeyAndTheAllowedOnes() {
    assertConfigError(() -> parse(Map.of("kind", "trades", "rows_per_sec", "10")),
        "unknown option 'rows_per_sec'", "kind, rows_per_second, seed, symbols, max_disorder_ms, start_time, limit,"
            + " batch_size");
  }

  @Test
  void rejectsBadValues() {
    assertConfigError(() -> parse(Map.of("kind", "ticks")), "'kind'", "ticks");
    assertConfigError(() -> parse(Map.of("rows_per_second", "-1")), "'rows_per_second'");
    assertConfigError(() -> parse(Map.of("rows_per_second", "fast")), "'rows_per_second'");
    assertConfigError(() -> parse(Map.of("seed", "x")), "'seed'");
    assertConfigError(() -> parse(Map.of("symbols", "0")), "'symbols'");
    assertConfigError(() -> parse(Map.of("max_disorder_ms", "-5")), "'max_disorder_ms'");
    assertConfigError(() -> parse(Map.of("limit", "-1")), "'limit'");
    assertConfigError(() -> parse(Map.of("batch_size", "0")), "'batch_size'");
    assertConfigError(() -> parse(Map.of("start_time", "yesterday")), "'start_time'", "yesterday");
  }

  @Test
  void rejectsTheSameKeyTwiceUnderDifferentSpellings() {
    assertConfigError(() -> parse(Map.of("seed", "1", "SEED", "2")), "'seed'", "twice");
  }
}
