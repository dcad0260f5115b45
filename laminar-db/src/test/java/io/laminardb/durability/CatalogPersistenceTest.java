package io.laminardb.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.Durability;
import io.laminardb.ExecuteResult;
import io.laminardb.LaminarDB;
import io.laminardb.ObjectInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With storageDir, DDL is stored: reopening restores the catalog without re-running it. */
class CatalogPersistenceTest {
  static final String DDL = """
      CREATE SOURCE trades (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, ts BIGINT NOT NULL,
                            WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
      CREATE STREAM big AS SELECT symbol, price FROM trades WHERE price > 10;
      CREATE MATERIALIZED VIEW last_price AS SELECT symbol, COUNT(*) AS n FROM trades GROUP BY symbol;
      CREATE TABLE instruments (symbol VARCHAR PRIMARY KEY, name VARCHAR);
      INSERT INTO instruments VALUES ('AAPL', 'Apple'), ('MSFT', 'Microsoft');
      CREATE SINK alerts FROM big WHERE price > 100;
      """;

  static LaminarDB open(Path dir) {
    return LaminarDB.builder().storageDir(dir).durability(Durability.NONE).deterministic(true).build();
  }

  static List<String> names(List<ObjectInfo> objects) {
    return objects.stream().map(ObjectInfo::name).toList();
  }

  @Test
  void reopeningRestoresEveryObjectAndTableRows(@TempDir Path dir) {
    try (LaminarDB db = open(dir)) {
      db.execute(DDL);
      db.execute("INSERT INTO instruments VALUES ('AAPL', 'Apple Inc.')");
    }
    try (LaminarDB db = open(dir)) {
      assertThat(names(db.sources())).containsExactly("trades");
      assertThat(names(db.streams())).containsExactly("big");
      assertThat(names(db.materializedViews())).containsExactly("last_price");
      assertThat(names(db.tables())).containsExactly("instruments");
      assertThat(names(db.sinks())).containsExactly("alerts");
      var rows = ((ExecuteResult.Rows) db.execute("SELECT symbol, name FROM instruments ORDER BY symbol")).rows();
      assertThat(rows).extracting(r -> r.get(0) + "=" + r.get(1)).containsExactly("AAPL=Apple Inc.",
          "MSFT=Microsoft");
      var sub = db.subscribe("alerts");
      db.start();
      db.sourceUntyped("trades").push("AAPL", 150.0, 1_000L);
      db.sourceUntyped("trades").push("AAPL", 50.0, 1_001L);
      db.awaitIdle();
      assertThat(sub.poll()).extracting(r -> r.get(0) + "@" + r.get(1)).containsExactly("AAPL@150.0");
    }
  }

  @Test
  void lookupJoinsSeeTheRestoredRowsOfATable(@TempDir Path dir) {
    try (LaminarDB db = open(dir)) {
      db.execute(DDL);
      db.execute("CREATE STREAM named AS SELECT t.symbol, i.name, t.price FROM trades t"
          + " JOIN instruments i ON t.symbol = i.symbol");
    }
    try (LaminarDB db = open(dir)) {
      var sub = db.subscribe("named");
      db.start();
      db.sourceUntyped("trades").push("MSFT", 20.0, 1_000L);
      db.sourceUntyped("trades").push("IBM", 30.0, 1_001L);
      db.awaitIdle();
      assertThat(sub.poll()).extracting(r -> r.get(0) + "/" + r.get(1) + "/" + r.get(2))
          .containsExactly("MSFT/Microsoft/20.0");
    }
  }

  @Test
  void identicalDdlIsAcceptedConflictingDdlIsAnError(@TempDir Path dir) {
    try (LaminarDB db = open(dir)) {
      db.execute(DDL);
    }
    try (LaminarDB db = open(dir)) {
      db.execute("""
          CREATE SOURCE trades (symbol VARCHAR NOT NULL, price DOUBLE NOT NULL, ts BIGINT NOT NULL,
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
          CREATE OR REPLACE STREAM big AS SELECT symbol, price FROM trades WHERE price > 10;
          CREATE STREAM IF NOT EXISTS big AS SELECT symbol, price FROM trades WHERE price > 10;
          """);
      assertThatThrownBy(() -> db.execute("CREATE STREAM big AS SELECT symbol FROM trades"))
          .hasMessageContaining("LDB-6005").hasMessageContaining("different definition");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE trades (symbol VARCHAR)"))
          .hasMessageContaining("LDB-6005");
      // A conflicting definition with OR REPLACE replaces, and that is stored too.
      db.execute("DROP SINK alerts");
      db.execute("CREATE OR REPLACE STREAM big AS SELECT symbol, price FROM trades WHERE price > 20");
      db.execute("DROP MATERIALIZED VIEW last_price");
    }
    try (LaminarDB db = open(dir)) {
      assertThat(names(db.sinks())).isEmpty();
      assertThat(names(db.materializedViews())).isEmpty();
      assertThat(db.streams().get(0).sql()).contains("price > 20");
    }
  }

  @Test
  void anInMemoryDatabaseStillRejectsDuplicates() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (a BIGINT)");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s (a BIGINT)")).hasMessageContaining("LDB-5012");
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefused(@TempDir Path dir) {
    try (LaminarDB db = open(dir)) {
      assertThatThrownBy(() -> open(dir)).hasMessageContaining("LDB-6009");
    }
    try (LaminarDB db = open(dir)) {
      assertThat(db.sources()).isEmpty();
    }
  }
}
