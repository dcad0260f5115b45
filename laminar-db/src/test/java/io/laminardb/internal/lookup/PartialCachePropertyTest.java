package io.laminardb.internal.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.common.time.ManualClock;
import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomised runs of a partial cache against a plain-Java model of its rules: an answer is the external row
 * as it was when the key was last loaded, while younger than the TTL; otherwise the key is loaded again
 * (found or absent, both cached). The external data changes underneath between probes, the clock moves, and
 * a restricted binding sees only rows passing its predicate. Every answer and every counter must match.
 */
class PartialCachePropertyTest {
  private static final int KEYS = 30;
  private static final long TTL = 10_000;
  private static final Schema SCHEMA = new Schema(List.of(new Field("id", DataType.of(TypeKind.BIGINT)),
      new Field("v", DataType.of(TypeKind.BIGINT)), new Field("tier", DataType.of(TypeKind.VARCHAR))));

  /** The external system: a mutable map, read by the cache through the connector interface. */
  private static final class External implements LookupConnector {
    final Map<Long, Object[]> rows = new TreeMap<>();
    int fetches;

    @Override
    public void validate() {}

    @Override
    public void fetch(List<Object[]> keys, LookupQuery query, Consumer<Object[]> out) {
      fetches++;
      for (Object[] key : keys) {
        Object[] row = rows.get((Long) key[0]);
        if (row != null && query.matches(row)) {
          out.accept(row.clone());
        }
      }
    }

    @Override
    public void scan(LookupQuery query, Consumer<Object[]> out) {
      rows.values().stream().filter(query::matches).forEach(r -> out.accept(r.clone()));
    }

    @Override
    public int maxKeysPerQuery() {
      return 4;
    }

    @Override
    public String describe() {
      return "model";
    }

    @Override
    public void close() {}
  }

  /** What one binding should answer. */
  private static final class Model {
    final LookupQuery query;
    final Map<Long, Object[]> answer = new HashMap<>();
    final Map<Long, Long> loadedAt = new HashMap<>();
    long hits;
    long misses;

    Model(LookupQuery query) {
      this.query = query;
    }

    /** Probes one batch; returns the expected rows and how many fetch round trips the batch needs. */
    int probe(long[] keys, Object[][] expected, long now, External external) {
      List<Long> distinctMissing = new ArrayList<>();
      for (long k : keys) {
        Long at = loadedAt.get(k);
        if (at != null && now - at < TTL) {
          hits++;
        } else {
          misses++;
          if (!distinctMissing.contains(k)) {
            distinctMissing.add(k);
          }
        }
      }
      for (long k : distinctMissing) {
        Object[] row = external.rows.get(k);
        answer.put(k, row != null && query.matches(row) ? row.clone() : null);
        loadedAt.put(k, now);
      }
      for (int i = 0; i < keys.length; i++) {
        expected[i] = answer.get(keys[i]);
      }
      return (distinctMissing.size() + 3) / 4;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void partialCacheMatchesTheModel(long seed) {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    ManualClock clock = new ManualClock(0);
    External external = new External();
    for (long k = 0; k < KEYS; k++) {
      if (random.nextBoolean()) {
        external.rows.put(k, new Object[] {k, random.nextLong(100), random.nextBoolean() ? "gold" : "silver"});
      }
    }
    LookupCacheConfig config = new LookupCacheConfig(LookupCacheConfig.Mode.PARTIAL, 1_000, TTL, true, false, 0,
        true);
    try (ConnectorLookupTable table = new ConnectorLookupTable("t", SCHEMA, new int[] {0}, external, config,
        clock, e -> { })) {
      LookupQuery goldQuery = new LookupQuery(List.of(new LookupPredicate(2, LookupPredicate.Op.EQ,
          List.of("gold"))), null);
      LookupSource gold = table.restrict(goldQuery.predicates(), null);
      Model all = new Model(LookupQuery.ALL);
      Model goldModel = new Model(goldQuery);
      int expectedFetches = 0;
      for (int step = 0; step < 2_000; step++) {
        int op = random.nextInt(10);
        if (op < 2) {
          long k = random.nextLong(KEYS);
          if (random.nextInt(4) == 0) {
            external.rows.remove(k);
          } else {
            external.rows.put(k, new Object[] {k, random.nextLong(100), random.nextBoolean() ? "gold" : "silver"});
          }
        } else if (op < 3) {
          clock.advance(Duration.ofMillis(random.nextLong(TTL / 2)));
        } else {
          boolean useGold = random.nextBoolean();
          LookupSource source = useGold ? gold : table;
          Model model = useGold ? goldModel : all;
          long[] keys = new long[1 + random.nextInt(8)];
          for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong(KEYS + 5);
          }
          Object[][] expected = new Object[keys.length][];
          expectedFetches += model.probe(keys, expected, clock.millis(), external);
          Object[][] actual = new Object[keys.length][];
          if (keys.length == 1 && random.nextBoolean()) {
            actual[0] = source.lookupLong(keys[0]);
          } else {
            Object[][] keyArrays = new Object[keys.length][];
            for (int i = 0; i < keys.length; i++) {
              keyArrays[i] = new Object[] {keys[i]};
            }
            source.lookupAll(keyArrays, keys.length, actual);
          }
          for (int i = 0; i < keys.length; i++) {
            assertThat(actual[i]).as("seed %d step %d key %d", seed, step, keys[i]).isEqualTo(expected[i]);
          }
          assertThat(external.fetches).as("round trips at step %d", step).isEqualTo(expectedFetches);
        }
      }
      assertThat(table.counters().hits()).isEqualTo(all.hits + goldModel.hits);
      assertThat(table.counters().misses()).isEqualTo(all.misses + goldModel.misses);
      assertThat(table.counters().loads()).isEqualTo(expectedFetches);
    }
  }
}
