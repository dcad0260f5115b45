package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaminarDBTest {
  record Out(String symbol, double notional) {}

  @Test
  void projectsAndFiltersPushedRows() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE trades (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, volume BIGINT NOT NULL,"
          + " ts TIMESTAMP NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);"
          + "CREATE STREAM big AS SELECT symbol, price * volume AS notional FROM trades WHERE volume > 10");
      Subscription<Out> out = db.subscribe("big", Out.class);
      db.start();
      db.sourceUntyped("trades").pushRows(List.of(new Object[] {"AAPL", 2.0, 100L, 1000L},
          new Object[] {"MSFT", 3.0, 5L, 2000L}));
      db.awaitIdle();
      assertThat(out.poll()).containsExactly(new Out("AAPL", 200.0));
      assertThat(db.sourceUntyped("trades").currentWatermark()).isEqualTo(1000L);
    }
  }

  @Test
  void rejectsBadPushAndReportsSqlErrors() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (a BIGINT NOT NULL, b VARCHAR)");
      assertThatThrownBy(() -> db.sourceUntyped("s").pushRows(List.<Object[]>of(new Object[] {1L})))
          .isInstanceOf(LaminarException.class).hasMessageContaining("LDB-0006");
      assertThatThrownBy(() -> db.sourceUntyped("s").push(null, "x"))
          .hasMessageContaining("LDB-0006");
      assertThatThrownBy(() -> db.execute("CREATE STREAM x AS SELECT c FROM s"))
          .satisfies(e -> assertThat(((LaminarException) e).code()).isEqualTo("LDB-1100"));
      assertThatThrownBy(() -> db.execute("CREATE STREAM x AS SELECT a FROM nope"))
          .satisfies(e -> assertThat(((LaminarException) e).code()).isEqualTo("LDB-1101"));
      assertThatThrownBy(() -> db.execute("CREATE STREAM x AS SELECT a + b FROM s"))
          .satisfies(e -> assertThat(((LaminarException) e).code()).isEqualTo("LDB-1200"));
      assertThatThrownBy(() -> db.execute("CREATE STREAM x AS SELEC a FROM s"))
          .satisfies(e -> assertThat(((LaminarException) e).code()).isEqualTo("LDB-1001"));
    }
  }

  @Test
  void materializedViewAnswersAdHocSelectAndTablesUpsert() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE s (a BIGINT NOT NULL, b VARCHAR);"
          + "CREATE MATERIALIZED VIEW mv AS SELECT a * 2 AS a2, UPPER(b) AS ub FROM s WHERE b LIKE 'x%';"
          + "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR)");
      db.start();
      db.execute("INSERT INTO s VALUES (1, 'xa'), (2, 'yb'), (3, 'xc')");
      db.execute("INSERT INTO t VALUES (1, 'one'), (1, 'uno'), (2, 'two')");
      db.awaitIdle();
      assertThat(db.execute("SELECT a2, ub FROM mv ORDER BY a2").rows()).extracting(r -> r.get(1))
          .containsExactly("XA", "XC");
      assertThat(db.execute("SELECT name FROM t ORDER BY id").rows()).extracting(r -> r.get(0))
          .containsExactly("uno", "two");
      assertThatThrownBy(() -> db.execute("DROP SOURCE s")).hasMessageContaining("LDB-1002");
      db.execute("DROP SOURCE s CASCADE");
      assertThat(db.streams()).isEmpty();
    }
  }
}
