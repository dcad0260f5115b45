package io.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.tree.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupTableParserTest {
  private static Statement one(String sql) {
    List<Statement> all = StatementParser.parseScript(sql);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void fromConnectorForm() {
    var t = (Statement.CreateLookupTable) one("CREATE OR REPLACE LOOKUP TABLE IF NOT EXISTS customers (id BIGINT,"
        + " name VARCHAR, PRIMARY KEY (id)) FROM POSTGRES (host = 'db', port = 5432, cache.max_rows = '10',"
        + " 'cache.ttl' = '60')");
    assertThat(t.name()).isEqualTo("customers");
    assertThat(t.orReplace()).isTrue();
    assertThat(t.ifNotExists()).isTrue();
    assertThat(t.primaryKey()).containsExactly("id");
    assertThat(t.columns()).extracting(Statement.ColumnDef::name).containsExactly("id", "name");
    assertThat(t.connector().name()).isEqualTo("POSTGRES");
    assertThat(t.connector().options()).isEqualTo(Map.of("host", "db", "port", "5432", "cache.max_rows", "10",
        "cache.ttl", "60"));
  }

  @Test
  void withConnectorForm() {
    var t = (Statement.CreateLookupTable) one("CREATE LOOKUP TABLE fx (ccy VARCHAR PRIMARY KEY, rate DOUBLE)"
        + " WITH ('connector' = 'postgres', 'url' = 'jdbc:postgresql://h/db', 'cache' = 'full')");
    assertThat(t.primaryKey()).containsExactly("ccy");
    assertThat(t.connector().name()).isEqualTo("postgres");
    assertThat(t.connector().options()).isEqualTo(Map.of("url", "jdbc:postgresql://h/db", "cache", "full"));
  }

  @Test
  void dropAndShowLookupTables() {
    var d = (Statement.Drop) one("DROP LOOKUP TABLE IF EXISTS fx");
    assertThat(d.kind()).isEqualTo("LOOKUP TABLE");
    assertThat(d.ifExists()).isTrue();
    assertThat(((Statement.Show) one("SHOW LOOKUP TABLES")).what()).isEqualTo("LOOKUP TABLES");
    assertThat(((Statement.ShowCreate) one("SHOW CREATE LOOKUP TABLE fx")).kind()).isEqualTo("LOOKUP TABLE");
  }

  @Test
  void aConnectorIsRequiredOnce() {
    assertThatThrownBy(() -> one("CREATE LOOKUP TABLE t (id INT PRIMARY KEY)"))
        .isInstanceOf(LaminarException.class).hasMessageStartingWith("[LDB-1001]");
    assertThatThrownBy(() -> one("CREATE LOOKUP TABLE t (id INT PRIMARY KEY) WITH ('cache' = 'full')"))
        .hasMessageStartingWith("[LDB-5005]");
    assertThatThrownBy(() -> one("CREATE LOOKUP TABLE t (id INT PRIMARY KEY) FROM POSTGRES (host = 'h')"
        + " WITH ('connector' = 'postgres')")).hasMessageStartingWith("[LDB-1001]");
  }
}
