package io.laminardb.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.internal.lookup.ConnectorLookupTable;
import io.laminardb.internal.lookup.LookupCacheConfig;
import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.internal.lookup.LookupQuery;
import io.laminardb.testing.postgres.PostgresTestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL lookup connector and the caches over it, against a real server on loopback. */
class PostgresLookupTableTest {
  private static PostgresTestServer server;

  private static final Schema CUSTOMERS = new Schema(List.of(
      new Field("id", DataType.of(TypeKind.BIGINT).withNullable(false)),
      new Field("name", DataType.of(TypeKind.VARCHAR)),
      new Field("tier", DataType.of(TypeKind.VARCHAR)),
      new Field("credit", DataType.of(TypeKind.DECIMAL, 10, 2)),
      new Field("since", DataType.timestamp(3))));
  private static final int[] PK = {0};

  private final ManualClock clock = new ManualClock(1_000_000L);
  private final List<LaminarException> warnings = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = PostgresTestServer.start("lookup");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void createTable() {
    server.start();
    server.psql("DROP TABLE IF EXISTS customers; CREATE TABLE customers (id integer PRIMARY KEY,"
        + " name text NOT NULL, tier varchar(10), credit numeric(10,2), since timestamp);"
        + " INSERT INTO customers VALUES (1, 'Ada', 'gold', 100.50, '2024-01-02 03:04:05.678'),"
        + " (2, 'Bob', 'silver', 20, NULL), (3, 'Cy', 'gold', NULL, '1999-12-31 23:59:59'),"
        + " (4, 'Di', NULL, 7.25, NULL);");
  }

  private LookupConnector connector(Map<String, String> extra) {
    Map<String, String> options = new HashMap<>(Map.of("host", server.host(), "port",
        Integer.toString(server.port()), "user", "postgres", "table", "public.customers"));
    options.putAll(extra);
    return new PostgresLookupConnectorFactory().create("customers", CUSTOMERS, PK, options);
  }

  private ConnectorLookupTable table(LookupCacheConfig config) {
    return new ConnectorLookupTable("customers", CUSTOMERS, PK, connector(Map.of()), config, clock,
        warnings::add);
  }

  private static LookupCacheConfig config(String... options) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      map.put(options[i], options[i + 1]);
    }
    return LookupCacheConfig.extract("customers", map);
  }

  @Test
  void fetchReadsTypedRowsByKey() {
    try (LookupConnector c = connector(Map.of())) {
      c.validate();
      List<Object[]> rows = new ArrayList<>();
      c.fetch(List.of(new Object[] {1L}, new Object[] {2L}, new Object[] {99L}), LookupQuery.ALL, rows::add);
      rows.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
      assertThat(rows).containsExactly(
          new Object[] {1L, "Ada", "gold", new BigDecimal("100.50"), 1704164645678L},
          new Object[] {2L, "Bob", "silver", new BigDecimal("20.00"), null});
    }
  }

  @Test
  void predicatesAndProjectionArePushedIntoTheStatement() {
    LookupQuery query = new LookupQuery(List.of(new LookupPredicate(2, LookupPredicate.Op.EQ, List.of("gold")),
        new LookupPredicate(3, LookupPredicate.Op.IS_NOT_NULL, List.of())), new int[] {1});
    try (LookupConnector c = connector(Map.of())) {
      c.validate();
      assertThat(c.describeFetch(query)).isEqualTo("SELECT \"id\", \"name\" FROM \"public\".\"customers\""
          + " WHERE \"id\" = ANY(?) AND \"tier\" = ? AND \"credit\" IS NOT NULL");
      List<Object[]> rows = new ArrayList<>();
      c.fetch(List.of(new Object[] {1L}, new Object[] {2L}, new Object[] {3L}), query, rows::add);
      // 2 is silver, 3 has no credit: only 1 passes; columns outside the projection stay null.
      assertThat(rows).containsExactly(new Object[] {1L, "Ada", null, null, null});
      List<Object[]> scanned = new ArrayList<>();
      c.scan(new LookupQuery(List.of(new LookupPredicate(0, LookupPredicate.Op.IN, List.of(2L, 4L)),
          new LookupPredicate(3, LookupPredicate.Op.GT, List.of(new BigDecimal("10")))), null), scanned::add);
      assertThat(scanned).containsExactly(new Object[] {2L, "Bob", "silver", new BigDecimal("20.00"), null});
    }
  }

  @Test
  void validationRejectsMissingTablesAndIncompatibleColumns() {
    Schema wrong = new Schema(List.of(new Field("id", DataType.of(TypeKind.BIGINT)),
        new Field("name", DataType.of(TypeKind.BIGINT))));
    try (LookupConnector c = new PostgresLookupConnectorFactory().create("customers", wrong, PK,
        Map.of("url", server.jdbcUrl(), "table", "customers"))) {
      assertThatThrownBy(c::validate).isInstanceOf(LaminarException.class)
          .hasMessageContaining("LDB-5100").hasMessageContaining("'name' is declared BIGINT but is text");
    }
    try (LookupConnector c = connector(Map.of("table", "nope"))) {
      assertThatThrownBy(c::validate).hasMessageContaining("LDB-5100").hasMessageContaining("nope");
    }
    assertThatThrownBy(() -> connector(Map.of("colour", "red"))).hasMessageContaining("LDB-5005")
        .hasMessageContaining("'colour'");
  }

  @Test
  void partialCacheCountsHitsMissesAndCachesAbsentKeys() {
    try (ConnectorLookupTable t = table(config("cache", "partial", "cache.ttl", "60"))) {
      Object[][] keys = {{1L}, {2L}, {99L}, {1L}};
      Object[][] out = new Object[4][];
      t.lookupAll(keys, 4, out);
      assertThat(out[0][1]).isEqualTo("Ada");
      assertThat(out[1][1]).isEqualTo("Bob");
      assertThat(out[2]).isNull();
      assertThat(out[3]).isSameAs(out[0]);
      assertThat(t.counters().misses()).isEqualTo(4);
      assertThat(t.counters().loads()).isEqualTo(1);

      server.psql("UPDATE customers SET name = 'Ada Lovelace' WHERE id = 1; INSERT INTO customers (id, name)"
          + " VALUES (99, 'New')");
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
      assertThat(t.lookupLong(99)).isNull();
      assertThat(t.counters().hits()).isEqualTo(2);
      assertThat(t.counters().negativeHits()).isEqualTo(1);
      assertThat(t.counters().loads()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(60));
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada Lovelace");
      assertThat(t.lookupLong(99)[1]).isEqualTo("New");
      assertThat(t.counters().loads()).isEqualTo(3);
      assertThat(t.counters().evictions()).isEqualTo(3);
    }
  }

  @Test
  void partialCacheIsBoundedByMaxRows() {
    server.psql("INSERT INTO customers (id, name) SELECT g, 'n' || g FROM generate_series(10, 59) g");
    try (ConnectorLookupTable t = table(config("cache", "partial", "cache.max_rows", "10"))) {
      Object[][] keys = new Object[50][];
      for (int i = 0; i < 50; i++) {
        keys[i] = new Object[] {(long) (10 + i)};
      }
      Object[][] out = new Object[50][];
      t.lookupAll(keys, 50, out);
      for (int i = 0; i < 50; i++) {
        assertThat(out[i][1]).isEqualTo("n" + (10 + i));
      }
      assertThat(t.cachedRows()).isEqualTo(10);
      assertThat(t.counters().evictions()).isEqualTo(40);
      assertThat(t.counters().rowsLoaded()).isEqualTo(50);
    }
  }

  @Test
  void partialCacheCanBeBoundedByMemory() {
    server.psql("INSERT INTO customers (id, name) SELECT g, repeat('x', 1000) FROM generate_series(10, 59) g");
    try (ConnectorLookupTable t = table(config("cache", "partial", "cache.memory", "20kb"))) {
      Object[][] keys = new Object[50][];
      for (int i = 0; i < 50; i++) {
        keys[i] = new Object[] {(long) (10 + i)};
      }
      t.lookupAll(keys, 50, new Object[50][]);
      // Each entry weighs 2,188 bytes (1,000 chars + row and entry overhead): 9 fit in 20 KB.
      assertThat(t.cachedRows()).isEqualTo(9);
      assertThat(t.counters().evictions()).isEqualTo(41);
    }
  }

  @Test
  void missesAreFetchedInBatchesOfMaxKeys() {
    try (ConnectorLookupTable t = new ConnectorLookupTable("customers", CUSTOMERS, PK,
        connector(Map.of("fetch.max_keys", "2")), config("cache", "none"), clock, warnings::add)) {
      Object[][] keys = {{1L}, {2L}, {3L}, {4L}, {5L}};
      Object[][] out = new Object[5][];
      t.lookupAll(keys, 5, out);
      assertThat(out[3][1]).isEqualTo("Di");
      assertThat(out[4]).isNull();
      assertThat(t.counters().loads()).isEqualTo(3);
      t.lookupAll(keys, 5, out);
      assertThat(t.counters().loads()).isEqualTo(6);
      assertThat(t.counters().hits()).isZero();
    }
  }

  @Test
  void restrictedBindingsPushTheirPredicatesAndKeepSeparateCaches() {
    try (ConnectorLookupTable t = table(config("cache", "partial"))) {
      LookupSource gold = t.restrict(List.of(new LookupPredicate(2, LookupPredicate.Op.EQ, List.of("gold"))),
          new int[] {1});
      assertThat(gold.lookupLong(2)).isNull();
      assertThat(gold.lookupLong(3)).containsExactly(3L, "Cy", null, null, null);
      assertThat(t.lookupLong(2)[2]).isEqualTo("silver");
    }
  }

  @Test
  void fullCacheLoadsOnceAndRefreshesPeriodically() {
    try (ConnectorLookupTable t = table(config("cache", "full", "refresh", "periodic:10s"))) {
      assertThat(t.counters().loads()).isEqualTo(1);
      assertThat(t.cachedRows()).isEqualTo(4);
      assertThat(t.lookupLong(4)[3]).isEqualTo(new BigDecimal("7.25"));
      assertThat(t.lookupLong(5)).isNull();
      server.psql("INSERT INTO customers (id, name) VALUES (5, 'Eve')");
      assertThat(t.lookupLong(5)).isNull();
      clock.advance(Duration.ofSeconds(10));
      assertThat(t.lookupLong(5)[1]).isEqualTo("Eve");
      assertThat(t.counters().loads()).isEqualTo(2);
      assertThat(t.counters().hits()).isEqualTo(2);
      assertThat(t.counters().misses()).isEqualTo(2);
      assertThat(t.scan(LookupQuery.ALL)).hasSize(5);
    }
  }

  @Test
  void serverOutageFailsMissesServesHitsAndRecovers() {
    try (ConnectorLookupTable t = table(config("cache", "partial", "cache.ttl", "30"))) {
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
      server.stop();
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
      assertThatThrownBy(() -> t.lookupLong(2)).isInstanceOf(LaminarException.class)
          .hasMessageStartingWith("[LDB-5001]").hasMessageContaining("lookup table 'customers'");
      clock.advance(Duration.ofSeconds(30));
      assertThatThrownBy(() -> t.lookupLong(1)).hasMessageStartingWith("[LDB-5001]");
      assertThat(t.counters().errors()).isEqualTo(2);
      server.start();
      assertThat(t.lookupLong(2)[1]).isEqualTo("Bob");
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
    }
  }

  @Test
  void aServerRestartBetweenProbesIsInvisible() {
    try (ConnectorLookupTable t = table(config("cache", "none"))) {
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
      server.stop();
      server.start();
      // The kept connection died with the old server process: the probe reconnects and retries once.
      assertThat(t.lookupLong(2)[1]).isEqualTo("Bob");
      assertThat(t.counters().errors()).isZero();
      assertThat(t.counters().loads()).isEqualTo(2);
    }
  }

  @Test
  void staleEntriesAnswerDuringAnOutageWhenAllowed() {
    try (ConnectorLookupTable t = table(config("cache", "partial", "cache.ttl", "30",
        "cache.stale_on_error", "true"))) {
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
      assertThat(t.lookupLong(99)).isNull();
      clock.advance(Duration.ofSeconds(31));
      server.stop();
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada");
      assertThat(t.lookupLong(99)).isNull();
      assertThat(t.counters().staleHits()).isEqualTo(2);
      assertThatThrownBy(() -> t.lookupLong(2)).hasMessageStartingWith("[LDB-5001]");
      server.start();
      server.psql("UPDATE customers SET name = 'Ada L' WHERE id = 1");
      assertThat(t.lookupLong(1)[1]).isEqualTo("Ada L");
    }
  }

  @Test
  void fullCacheKeepsServingWhenARefreshFails() {
    try (ConnectorLookupTable t = table(config("refresh", "periodic:5s"))) {
      server.stop();
      clock.advance(Duration.ofSeconds(5));
      assertThat(t.lookupLong(3)[1]).isEqualTo("Cy");
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).code()).isEqualTo("LDB-5001");
      server.start();
      server.psql("UPDATE customers SET name = 'Cyrus' WHERE id = 3");
      assertThat(t.lookupLong(3)[1]).isEqualTo("Cy");
      clock.advance(Duration.ofSeconds(5));
      assertThat(t.lookupLong(3)[1]).isEqualTo("Cyrus");
    }
  }

  @Test
  void compositeKeysAndQuerySources() {
    server.psql("DROP TABLE IF EXISTS prices; CREATE TABLE prices (venue text, symbol text, px float8,"
        + " PRIMARY KEY (venue, symbol)); INSERT INTO prices VALUES ('X', 'A', 1.5), ('X', 'B', 2.5),"
        + " ('Y', 'A', 3.5)");
    Schema schema = new Schema(List.of(new Field("venue", DataType.of(TypeKind.VARCHAR)),
        new Field("symbol", DataType.of(TypeKind.VARCHAR)), new Field("px", DataType.of(TypeKind.DOUBLE))));
    int[] pk = {0, 1};
    LookupConnector c = new PostgresLookupConnectorFactory().create("prices", schema, pk,
        Map.of("url", server.jdbcUrl(), "query", "SELECT venue, symbol, px * 2 AS px FROM prices"));
    try (ConnectorLookupTable t = new ConnectorLookupTable("prices", schema, pk, c, config("cache", "partial"),
        clock, warnings::add)) {
      Object[][] out = new Object[3][];
      t.lookupAll(new Object[][] {{"X", "B"}, {"Y", "A"}, {"Y", "B"}}, 3, out);
      assertThat(out[0]).containsExactly("X", "B", 5.0);
      assertThat(out[1]).containsExactly("Y", "A", 7.0);
      assertThat(out[2]).isNull();
      assertThat(t.lookup(new Object[] {"X", "B"})[2]).isEqualTo(5.0);
      assertThat(t.counters().hits()).isEqualTo(1);
    }
  }
}
