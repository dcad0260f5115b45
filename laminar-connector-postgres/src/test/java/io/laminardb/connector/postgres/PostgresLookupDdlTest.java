package io.laminardb.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.PipelineMetrics;
import io.laminardb.Row;
import io.laminardb.common.error.LaminarException;
import io.laminardb.testing.postgres.PostgresTestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CREATE / SHOW / DESCRIBE / SELECT / DROP LOOKUP TABLE through the public API, over a real PostgreSQL. */
class PostgresLookupDdlTest {
  private static PostgresTestServer server;
  private LaminarDB db;

  @BeforeAll
  static void startServer() {
    server = PostgresTestServer.start("ddl");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void open() {
    server.psql("DROP TABLE IF EXISTS instruments; CREATE TABLE instruments (symbol text PRIMARY KEY,"
        + " sector text, lot integer); INSERT INTO instruments VALUES ('AAPL', 'tech', 100),"
        + " ('XOM', 'energy', 50), ('JPM', 'finance', NULL)");
    db = LaminarDB.builder().configVar("PG_PORT", Integer.toString(server.port())).build();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static final String CREATE = "CREATE LOOKUP TABLE instruments (symbol VARCHAR, sector VARCHAR,"
      + " lot INT, PRIMARY KEY (symbol)) FROM POSTGRES (host = '127.0.0.1', port = '${PG_PORT}',"
      + " database = 'postgres', user = 'postgres', table = 'instruments', cache = 'partial',"
      + " cache.max_rows = '1000', cache.ttl = '60')";

  private static List<List<Object>> values(ExecuteResult r) {
    List<List<Object>> out = new ArrayList<>();
    for (Row row : r.rows()) {
      List<Object> v = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        v.add(row.get(i));
      }
      out.add(v);
    }
    return out;
  }

  @Test
  void createShowDescribeSelectDrop() {
    assertThat(db.execute(CREATE)).isEqualTo(new ExecuteResult.Ddl("CREATE LOOKUP TABLE", "instruments"));
    assertThat(values(db.execute("SHOW TABLES"))).containsExactly(List.of("instruments", "symbol"));
    assertThat(values(db.execute("SHOW LOOKUP TABLES"))).containsExactly(List.of("instruments", "symbol",
        "postgres 127.0.0.1:" + server.port() + "/postgres instruments", "partial"));
    assertThat(values(db.execute("DESCRIBE instruments"))).containsExactly(
        List.of("symbol", "VARCHAR", false), List.of("sector", "VARCHAR", true), List.of("lot", "INT", true));
    assertThat(values(db.execute("SELECT symbol, lot FROM instruments WHERE sector <> 'energy' ORDER BY symbol")))
        .containsExactly(List.of("AAPL", 100), java.util.Arrays.asList("JPM", null));
    assertThat(values(db.execute("SHOW CREATE LOOKUP TABLE instruments")).get(0).get(0)).isEqualTo(
        CREATE.replace("${PG_PORT}", Integer.toString(server.port())));
    assertThatThrownBy(() -> db.execute("INSERT INTO instruments VALUES ('MSFT', 'tech', 10)"))
        .hasMessageStartingWith("[LDB-0005]");
    assertThat(db.execute("DROP LOOKUP TABLE instruments"))
        .isEqualTo(new ExecuteResult.Ddl("DROP LOOKUP TABLE", "instruments"));
    assertThat(values(db.execute("SHOW TABLES"))).isEmpty();
    assertThat(db.metrics().lookups()).isEmpty();
    assertThat(db.execute("DROP LOOKUP TABLE IF EXISTS instruments")).isInstanceOf(ExecuteResult.Ddl.class);
  }

  @Test
  void withConnectorFormAndFullCacheServesAdHocReadsFromMemory() {
    db.execute("CREATE LOOKUP TABLE instruments (symbol VARCHAR PRIMARY KEY, sector VARCHAR, lot BIGINT)"
        + " WITH ('connector' = 'postgres', 'url' = 'jdbc:postgresql://127.0.0.1:${PG_PORT}/postgres',"
        + " 'user' = 'postgres', 'cache' = 'full')");
    PipelineMetrics.LookupMetrics m = db.metrics().lookups().get("instruments");
    assertThat(m.cache()).isEqualTo("full");
    assertThat(m.loads()).isEqualTo(1);
    assertThat(m.rowsLoaded()).isEqualTo(3);
    assertThat(m.cachedRows()).isEqualTo(3);
    server.psql("UPDATE instruments SET lot = 7 WHERE symbol = 'XOM'");
    assertThat(values(db.execute("SELECT lot FROM instruments WHERE symbol = 'XOM'")))
        .containsExactly(List.of(50L));
  }

  @Test
  void ddlErrorsHaveStableCodes() {
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id INT, name VARCHAR) FROM POSTGRES (url ="
        + " 'jdbc:postgresql://127.0.0.1:${PG_PORT}/postgres')")).hasMessageStartingWith("[LDB-3003]");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id INT PRIMARY KEY) FROM NOSUCH (a = 'b')"))
        .hasMessageStartingWith("[LDB-5005]").hasMessageContaining("postgres");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id INT PRIMARY KEY) FROM POSTGRES (url ="
        + " 'jdbc:postgresql://127.0.0.1:${PG_PORT}/postgres', cache = 'sometimes')"))
        .hasMessageStartingWith("[LDB-5005]").hasMessageContaining("'cache'");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE t (id INT PRIMARY KEY)"))
        .hasMessageStartingWith("[LDB-1001]");
    assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE instruments (symbol VARCHAR PRIMARY KEY,"
        + " missing INT) FROM POSTGRES (url = 'jdbc:postgresql://127.0.0.1:${PG_PORT}/postgres')"))
        .hasMessageStartingWith("[LDB-5100]").hasMessageContaining("missing");
    int closedPort = server.port() == 65000 ? 65001 : 65000;
    LaminarException down = (LaminarException) org.assertj.core.api.Assertions.catchThrowable(() ->
        db.execute("CREATE LOOKUP TABLE t (id INT PRIMARY KEY) FROM POSTGRES (host = '127.0.0.1', port = '"
            + closedPort + "', connect.timeout = '2')"));
    assertThat(down.code()).isEqualTo("LDB-5001");
    assertThat(values(db.execute("SHOW TABLES"))).isEmpty();
    db.execute(CREATE);
    assertThatThrownBy(() -> db.execute(CREATE)).hasMessageStartingWith("[LDB-1002]");
    db.execute(CREATE.replace("CREATE LOOKUP TABLE", "CREATE LOOKUP TABLE IF NOT EXISTS"));
    db.execute(CREATE.replace("CREATE LOOKUP TABLE", "CREATE OR REPLACE LOOKUP TABLE"));
    assertThat(db.metrics().lookups()).containsOnlyKeys("instruments");
  }

  @Test
  void adHocFiltersOnAPartialTableAreSentToPostgres() {
    db.execute(CREATE);
    assertThat(values(db.execute("SELECT symbol, lot FROM instruments WHERE sector = 'tech' AND lot >= 10"
        + " AND symbol IN ('AAPL', 'XOM')"))).containsExactly(List.of("AAPL", 100));
    assertThat(server.log()).contains("SELECT \"symbol\", \"sector\", \"lot\" FROM \"instruments\" WHERE"
        + " \"sector\" = $1 AND \"lot\" >= $2 AND \"symbol\" IN ($3, $4)");
    assertThat(values(db.execute("SELECT symbol FROM instruments WHERE lot < 60"))).containsExactly(List.of("XOM"));
    assertThat(server.log()).contains("SELECT \"symbol\", \"lot\" FROM \"instruments\" WHERE \"lot\" < $1");
    // A filter that is not a flat comparison stays in the query plan: the server is asked for every row.
    assertThat(values(db.execute("SELECT symbol FROM instruments WHERE UPPER(sector) = 'ENERGY'")))
        .containsExactly(List.of("XOM"));
    assertThat(server.log()).contains("SELECT \"symbol\", \"sector\" FROM \"instruments\"\n");
  }

  @Test
  void decimalAndAdHocScansOfPartialTablesGoToTheServer() {
    server.psql("DROP TABLE IF EXISTS fx; CREATE TABLE fx (ccy char(3) PRIMARY KEY, rate numeric(12,6));"
        + " INSERT INTO fx VALUES ('EUR', 1.08), ('JPY', 0.0067)");
    db.execute("CREATE LOOKUP TABLE fx (ccy VARCHAR PRIMARY KEY, rate DECIMAL(12, 6)) FROM POSTGRES (url ="
        + " 'postgres://postgres@127.0.0.1:${PG_PORT}/postgres', cache = 'none')");
    assertThat(values(db.execute("SELECT ccy, rate FROM fx ORDER BY ccy"))).containsExactly(
        List.of("EUR", new BigDecimal("1.080000")), List.of("JPY", new BigDecimal("0.006700")));
    server.psql("INSERT INTO fx VALUES ('GBP', 1.27)");
    assertThat(values(db.execute("SELECT COUNT(*) FROM fx"))).containsExactly(List.of(3L));
  }
}
