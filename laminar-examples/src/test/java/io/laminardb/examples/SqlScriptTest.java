package io.laminardb.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsOnSemicolonsOutsideQuotesAndDropsComments() {
    SqlScript script = SqlScript.parse("test", """
        -- a comment; with a semicolon
        CREATE SOURCE s (a BIGINT) FROM DATAGEN (kind = 'seq;uence');
        /* block; comment */ CREATE STREAM "x;y" AS SELECT 'it''s; fine' AS t FROM s -- trailing
        ;
        ;
        SELECT 1
        """);
    assertThat(script.statements()).containsExactly(
        "CREATE SOURCE s (a BIGINT) FROM DATAGEN (kind = 'seq;uence')",
        "CREATE STREAM \"x;y\" AS SELECT 'it''s; fine' AS t FROM s",
        "SELECT 1");
  }

  @Test
  void loadsTheDemoScriptFromTheClassPath() {
    SqlScript script = SqlScript.load(MarketDataDemo.DEFAULT_SQL);
    assertThat(script.origin()).isEqualTo("classpath:demo/market-data.sql");
    assertThat(script.statements()).hasSize(4);
    assertThat(script.statements().get(0)).startsWith("CREATE SOURCE trades").contains("FROM DATAGEN");
    assertThat(script.statements().get(1)).startsWith("CREATE STREAM notional");
    assertThat(script.statements().get(2)).startsWith("CREATE STREAM big_trades");
  }

  @Test
  void reportsAMissingScript() {
    assertThatThrownBy(() -> SqlScript.load("no/such.sql")).hasMessageContaining("no/such.sql");
  }
}
