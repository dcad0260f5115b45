package io.laminardb.internal.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupCacheConfigTest {
  private static Map<String, String> options(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void defaultsAreAFullCacheWithSpecTtl() {
    Map<String, String> o = options("host", "db");
    LookupCacheConfig c = LookupCacheConfig.extract("t", o);
    assertThat(c).isEqualTo(new LookupCacheConfig(LookupCacheConfig.Mode.FULL, 100_000, 300_000, true, false, 0,
        true));
    assertThat(o).containsOnlyKeys("host");
  }

  @Test
  void parsesEveryOptionAndAliasAndLeavesConnectorOptions() {
    Map<String, String> o = options("cache_mode", "partial", "cache_max_entries", "10", "cache.ttl", "2m",
        "cache.negative", "false", "cache.stale_on_error", "true", "pushdown", "disabled", "table", "x");
    assertThat(LookupCacheConfig.extract("t", o)).isEqualTo(new LookupCacheConfig(LookupCacheConfig.Mode.PARTIAL,
        10, 120_000, false, true, 0, false));
    assertThat(o).containsOnlyKeys("table");
    assertThat(LookupCacheConfig.extract("t", options("cache.ttl", "45")).ttlMillis()).isEqualTo(45_000);
    assertThat(LookupCacheConfig.extract("t", options("strategy", "on-demand")).mode())
        .isEqualTo(LookupCacheConfig.Mode.PARTIAL);
    assertThat(LookupCacheConfig.extract("t", options("refresh", "periodic:5m")).refreshMillis())
        .isEqualTo(300_000);
  }

  @Test
  void memoryBoundsThePartialCacheInBytes() {
    assertThat(LookupCacheConfig.extract("t", options("cache", "partial", "cache.memory", "64mb")).maxBytes())
        .isEqualTo(64L << 20);
    assertThat(LookupCacheConfig.extract("t", options("cache.memory", "1gb")).maxBytes()).isEqualTo(1L << 30);
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("cache.memory", "lots")))
        .hasMessageStartingWith("[LDB-5005]");
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("cache.memory", "1mb", "cache.max_rows",
        "5"))).hasMessageContaining("cannot be combined");
  }

  @Test
  void rejectsBadValuesWithConnectorConfigCode() {
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("cache", "lru-ish")))
        .hasMessageStartingWith("[LDB-5005]").hasMessageContaining("'cache'");
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("cache.max_rows", "0")))
        .hasMessageStartingWith("[LDB-5005]");
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("cache.size", "1")))
        .hasMessageStartingWith("[LDB-5005]").hasMessageContaining("'cache.size'");
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("cache", "partial", "refresh",
        "periodic:1m"))).hasMessageContaining("applies to cache = 'full'");
    assertThatThrownBy(() -> LookupCacheConfig.extract("t", options("strategy", "sharded")))
        .hasMessageStartingWith("[LDB-5005]");
  }
}
