package io.laminardb.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.laminardb.LaminarDB;
import io.laminardb.PipelineMetrics;
import io.laminardb.Row;
import io.laminardb.Subscription;
import io.laminardb.UntypedSourceHandle;
import io.laminardb.common.error.LaminarException;
import io.laminardb.common.time.ManualClock;
import io.laminardb.testing.postgres.PostgresTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stream JOIN lookup table end to end through the public API, against a real PostgreSQL that the failure test
 * stops and starts again mid-stream.
 */
class PostgresLookupJoinTest {
  private static PostgresTestServer server;
  private final ManualClock clock = new ManualClock(1_700_000_000_000L);
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private LaminarDB db;
  private UntypedSourceHandle orders;

  @BeforeAll
  static void startServer() {
    server = PostgresTestServer.start("join");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void open() {
    server.start();
    server.psql("DROP TABLE IF EXISTS customers; CREATE TABLE customers (id bigint PRIMARY KEY, name text,"
        + " tier text); INSERT INTO customers SELECT g, 'c' || g, CASE WHEN g % 2 = 0 THEN 'gold' ELSE"
        + " 'silver' END FROM generate_series(1, 20) g");
    db = LaminarDB.builder().clock(clock).deterministic(true)
        .configVar("PG_URL", "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres")
        .errorListener((query, e) -> errors.add(query + " " + e.code() + " " + e.getMessage())).build();
    db.execute("CREATE SOURCE orders (order_id BIGINT NOT NULL, customer_id BIGINT, amount DOUBLE NOT NULL)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void createCustomers(String cacheOptions) {
    db.execute("CREATE LOOKUP TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR, tier VARCHAR) FROM POSTGRES"
        + " (url = '${PG_URL}', user = 'postgres', table = 'customers', " + cacheOptions + ")");
  }

  private void push(long orderId, Long customer, double amount) {
    orders.push(orderId, customer, amount);
  }

  private static List<List<Object>> drain(Subscription<Row> sub) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : sub.poll()) {
      out.add(Arrays.asList(r.values()));
    }
    return out;
  }

  private PipelineMetrics.LookupMetrics metrics() {
    return db.metrics().lookups().get("customers");
  }

  @Test
  void innerAndLeftJoinsOverAPartialCache() {
    createCustomers("cache = 'partial', cache.ttl = '60'");
    db.execute("CREATE STREAM enriched AS SELECT o.order_id, c.name, o.amount FROM orders o"
        + " JOIN customers c ON o.customer_id = c.id");
    db.execute("CREATE STREAM everything AS SELECT o.order_id, c.name FROM orders o"
        + " LEFT JOIN customers c ON o.customer_id = c.id");
    Subscription<Row> inner = db.subscribe("enriched", Row.class);
    Subscription<Row> left = db.subscribe("everything", Row.class);
    db.start();
    orders = db.sourceUntyped("orders");
    push(1, 3L, 10.0);
    push(2, 99L, 20.0);
    push(3, null, 30.0);
    push(4, 3L, 40.0);
    db.awaitIdle();
    assertThat(drain(inner)).containsExactly(List.of(1L, "c3", 10.0), List.of(4L, "c3", 40.0));
    assertThat(drain(left)).containsExactly(List.of(1L, "c3"), Arrays.asList(2L, null), Arrays.asList(3L, null),
        List.of(4L, "c3"));
    PipelineMetrics.LookupMetrics m = metrics();
    // Both queries share the unrestricted cache: 3 and 99 missed once each, every later probe hit.
    assertThat(m.misses()).isEqualTo(2);
    assertThat(m.hits()).isEqualTo(4);
    assertThat(m.negativeHits()).isEqualTo(1);
    assertThat(m.loads()).isEqualTo(2);
    assertThat(errors).isEmpty();
  }

  @Test
  void filtersOnTheLookupTableArePushedToPostgres() {
    createCustomers("cache = 'partial'");
    db.execute("CREATE STREAM gold AS SELECT o.order_id, c.name FROM orders o JOIN customers c"
        + " ON o.customer_id = c.id WHERE c.tier = 'gold'");
    Subscription<Row> gold = db.subscribe("gold", Row.class);
    db.start();
    orders = db.sourceUntyped("orders");
    for (long i = 1; i <= 10; i++) {
      push(i, i, 1.0);
    }
    db.awaitIdle();
    assertThat(drain(gold)).containsExactly(List.of(2L, "c2"), List.of(4L, "c4"), List.of(6L, "c6"),
        List.of(8L, "c8"), List.of(10L, "c10"));
    // The tier filter ran in PostgreSQL: only the five gold rows came back over the wire, and only the
    // columns the query reads (the key and name; tier is only filtered on).
    assertThat(metrics().rowsLoaded()).isEqualTo(5);
    assertThat(server.log()).contains("SELECT \"id\", \"name\" FROM \"customers\" WHERE \"id\" = ANY($1)"
        + " AND \"tier\" = $2");
    assertThat(metrics().loads()).isEqualTo(10);
  }

  @Test
  void fullCacheJoinsWithoutRoundTrips() {
    createCustomers("cache = 'full'");
    db.execute("CREATE STREAM enriched AS SELECT o.order_id, c.tier FROM orders o JOIN customers c"
        + " ON o.customer_id = c.id");
    Subscription<Row> sub = db.subscribe("enriched", Row.class);
    db.start();
    orders = db.sourceUntyped("orders");
    server.stop();
    push(1, 7L, 1.0);
    push(2, 8L, 1.0);
    push(3, 21L, 1.0);
    db.awaitIdle();
    assertThat(drain(sub)).containsExactly(List.of(1L, "silver"), List.of(2L, "gold"));
    assertThat(metrics().loads()).isEqualTo(1);
    assertThat(errors).isEmpty();
  }

  @Test
  void serverOutageReportsErrorsKeepsServingHitsAndRecovers() {
    createCustomers("cache = 'partial', cache.ttl = '300'");
    db.execute("CREATE STREAM enriched AS SELECT o.order_id, c.name FROM orders o JOIN customers c"
        + " ON o.customer_id = c.id");
    Subscription<Row> sub = db.subscribe("enriched", Row.class);
    db.start();
    orders = db.sourceUntyped("orders");
    push(1, 1L, 1.0);
    db.awaitIdle();
    assertThat(drain(sub)).containsExactly(List.of(1L, "c1"));

    server.stop();
    push(2, 2L, 1.0);
    db.awaitIdle();
    assertThat(drain(sub)).isEmpty();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("enriched LDB-5001").contains("lookup table 'customers'");
    push(3, 1L, 1.0);
    db.awaitIdle();
    assertThat(drain(sub)).containsExactly(List.of(3L, "c1"));

    server.start();
    // Recovery is the next probe after the server is back; bounded attempts, no waiting on time.
    List<List<Object>> recovered = new ArrayList<>();
    for (int attempt = 0; attempt < 5 && recovered.isEmpty(); attempt++) {
      push(10 + attempt, 2L, 1.0);
      db.awaitIdle();
      recovered.addAll(drain(sub));
    }
    assertThat(recovered).containsExactly(List.of(10L, "c2"));
    assertThat(errors).hasSize(1);
    assertThat(metrics().errors()).isEqualTo(1);
    assertThat(db.metrics().queryErrors()).isEqualTo(1);
  }

  @Test
  void expiredEntriesAnswerDuringAnOutageWhenConfigured() {
    createCustomers("cache = 'partial', cache.ttl = '10', cache.stale_on_error = 'true'");
    db.execute("CREATE STREAM enriched AS SELECT o.order_id, c.name FROM orders o JOIN customers c"
        + " ON o.customer_id = c.id");
    Subscription<Row> sub = db.subscribe("enriched", Row.class);
    db.start();
    orders = db.sourceUntyped("orders");
    push(1, 5L, 1.0);
    db.awaitIdle();
    server.stop();
    clock.advance(Duration.ofSeconds(11));
    push(2, 5L, 1.0);
    db.awaitIdle();
    assertThat(drain(sub)).containsExactly(List.of(1L, "c5"), List.of(2L, "c5"));
    assertThat(metrics().staleHits()).isEqualTo(1);
    assertThat(errors).isEmpty();
  }

  @Test
  void theMissesOfABatchAreOneRoundTrip() {
    createCustomers("cache = 'partial', cache.ttl = '300'");
    db.execute("CREATE STREAM enriched AS SELECT o.order_id, c.name FROM orders o JOIN customers c"
        + " ON o.customer_id = c.id");
    Subscription<Row> sub = db.subscribe("enriched", Row.class);
    db.start();
    orders = db.sourceUntyped("orders");
    push(1, 2L, 1.0);
    push(2, 4L, 1.0);
    db.awaitIdle();
    drain(sub);
    long loadsBefore = metrics().loads();
    int statementsBefore = countStatements(server.log());
    // Keys 2 and 4 are cached; 6, 8, 10 and 99 (absent) miss and go to the server together.
    orders.pushRows(List.of(new Object[] {3L, 2L, 1.0}, new Object[] {4L, 6L, 1.0}, new Object[] {5L, 8L, 1.0},
        new Object[] {6L, 99L, 1.0}, new Object[] {7L, 4L, 1.0}, new Object[] {8L, 10L, 1.0},
        new Object[] {9L, null, 1.0}, new Object[] {10L, 6L, 1.0}));
    db.awaitIdle();
    assertThat(drain(sub)).containsExactly(List.of(3L, "c2"), List.of(4L, "c6"), List.of(5L, "c8"),
        List.of(7L, "c4"), List.of(8L, "c10"), List.of(10L, "c6"));
    assertThat(metrics().loads() - loadsBefore).isEqualTo(1);
    assertThat(countStatements(server.log()) - statementsBefore).isEqualTo(1);
    assertThat(server.log()).contains("SELECT \"id\", \"name\" FROM \"customers\" WHERE \"id\" = ANY($1)");
    assertThat(errors).isEmpty();
  }

  private static int countStatements(String log) {
    int n = 0;
    for (int at = log.indexOf("FROM \"customers\" WHERE"); at >= 0;
        at = log.indexOf("FROM \"customers\" WHERE", at + 1)) {
      n++;
    }
    return n;
  }
}
