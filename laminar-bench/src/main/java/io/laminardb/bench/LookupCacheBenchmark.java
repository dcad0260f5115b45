package io.laminardb.bench;

import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.internal.lookup.ConnectorLookupTable;
import io.laminardb.internal.lookup.LookupCacheConfig;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lookup-table cache hit path: 1,024 probes over 1,000 keys that are all cached, through
 * {@link ConnectorLookupTable} (what a lookup join probes for a CREATE LOOKUP TABLE), with a full cache (an
 * in-memory index, primitive for BIGINT keys) or a partial one (Caffeine with TTL on the clock). VARCHAR keys
 * are distinct String instances from the cached ones, so equality compares characters. Score: ns per probe.
 *
 * <p>Target: under 100 ns and 0 B per hit (spec §19: state lookup under 200 ns in Java).
 * Run: {@code java -jar laminar-bench/target/benchmarks.jar LookupCache -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class LookupCacheBenchmark {
  private static final int KEYS = 1_000;
  private static final int PROBES = 1_024;

  @Param({"full", "partial"})
  public String cache;

  @Param({"BIGINT", "VARCHAR"})
  public String keyType;

  private ConnectorLookupTable table;
  private long[] longKeys;
  private Object[][] keys;

  @Setup
  public void setUp() {
    boolean longKey = keyType.equals("BIGINT");
    Schema schema = new Schema(List.of(
        new Field("id", DataType.of(longKey ? TypeKind.BIGINT : TypeKind.VARCHAR).withNullable(false)),
        new Field("name", DataType.of(TypeKind.VARCHAR)), new Field("score", DataType.of(TypeKind.DOUBLE))));
    InMemoryLookupConnector connector = new InMemoryLookupConnector();
    for (int i = 0; i < KEYS; i++) {
      Object key = longKey ? (Object) (1_000_000L + i) : "SYM" + i;
      connector.add(key, new Object[] {key, "name" + i, i * 0.5});
    }
    LookupCacheConfig config = LookupCacheConfig.of(cache.equals("full") ? LookupCacheConfig.Mode.FULL
        : LookupCacheConfig.Mode.PARTIAL);
    table = new ConnectorLookupTable("bench", schema, new int[] {0}, connector, config, Clock.systemUTC(),
        e -> { });
    SplittableRandom random = new SplittableRandom(42);
    longKeys = new long[PROBES];
    keys = new Object[PROBES][];
    for (int i = 0; i < PROBES; i++) {
      int k = random.nextInt(KEYS);
      longKeys[i] = 1_000_000L + k;
      keys[i] = new Object[] {longKey ? (Object) longKeys[i] : new String(("SYM" + k).toCharArray())};
    }
    // Warm the partial cache: every key is loaded once, so the measured probes are all hits.
    for (int i = 0; i < KEYS; i++) {
      table.lookup(new Object[] {longKey ? (Object) (1_000_000L + i) : "SYM" + i});
    }
  }

  @TearDown
  public void tearDown() {
    if (table.counters().misses() != KEYS && cache.equals("partial")) {
      throw new IllegalStateException("measured probes missed the cache: " + table.counters().misses());
    }
    table.close();
  }

  /** Probes by the key form a join uses: {@code lookupLong} for BIGINT keys, the key array otherwise. */
  @Benchmark
  @OperationsPerInvocation(PROBES)
  public long hit() {
    long found = 0;
    if (keyType.equals("BIGINT")) {
      for (int i = 0; i < PROBES; i++) {
        found += table.lookupLong(longKeys[i]).length;
      }
    } else {
      for (int i = 0; i < PROBES; i++) {
        found += table.lookup(keys[i]).length;
      }
    }
    return found;
  }
}
