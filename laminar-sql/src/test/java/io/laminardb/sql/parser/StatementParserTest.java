package io.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.tree.EmitClause;
import io.laminardb.sql.tree.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementParserTest {
  private static Statement one(String sql) {
    List<Statement> all = StatementParser.parseScript(sql);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void createSourceWithTypesWatermarkAndConnector() {
    var s = (Statement.CreateSource) one("CREATE SOURCE IF NOT EXISTS \"Trades\" (symbol VARCHAR NOT NULL,"
        + " price DECIMAL(10, 2), ts TIMESTAMP(3) NOT NULL, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)"
        + " FROM DATAGEN (kind = 'trades', rows_per_second = 10)");
    assertThat(s.name()).isEqualTo("Trades");
    assertThat(s.ifNotExists()).isTrue();
    assertThat(s.columns()).extracting(c -> c.type().kind()).containsExactly(TypeKind.VARCHAR,
        TypeKind.DECIMAL, TypeKind.TIMESTAMP);
    assertThat(s.columns().get(0).type().nullable()).isFalse();
    assertThat(s.columns().get(1).type().scale()).isEqualTo(2);
    assertThat(s.watermark().column()).isEqualTo("ts");
    assertThat(s.watermark().delayMillis()).isEqualTo(5_000);
    assertThat(s.connector().name()).isEqualTo("DATAGEN");
    assertThat(s.connector().options()).isEqualTo(Map.of("kind", "trades", "rows_per_second", "10"));
  }

  @Test
  void intervalForms() {
    assertThat(Intervals.toMillis("5 seconds", null)).isEqualTo(5_000);
    assertThat(Intervals.toMillis("100ms", null)).isEqualTo(100);
    assertThat(Intervals.toMillis("2", "MINUTE")).isEqualTo(120_000);
    assertThat(Intervals.toMillis("1.5", "h")).isEqualTo(5_400_000);
    var s = (Statement.CreateSource) one("CREATE SOURCE s (ts BIGINT, WATERMARK FOR ts AS ts - INTERVAL '250 ms')");
    assertThat(s.watermark().delayMillis()).isEqualTo(250);
    var bare = (Statement.CreateSource) one("CREATE SOURCE s (ts BIGINT, WATERMARK FOR ts)");
    assertThat(bare.watermark().delayMillis()).isZero();
  }

  @Test
  void streamingClausesAreSplitFromTheQuery() {
    var q = (Statement.CreateQuery) one("CREATE MATERIALIZED VIEW v AS SELECT a FROM s WHERE f(a, (b))\n"
        + "ALLOW LATENESS INTERVAL '10' SECOND LATE DATA TO late EMIT ON WINDOW CLOSE");
    assertThat(q.materialized()).isTrue();
    assertThat(q.query().sql()).isEqualTo("SELECT a FROM s WHERE f(a, (b))");
    assertThat(q.query().line()).isEqualTo(1);
    assertThat(q.query().column()).isEqualTo(31);
    assertThat(q.allowedLatenessMillis()).isEqualTo(10_000);
    assertThat(q.lateDataTo()).isEqualTo("late");
    assertThat(q.emit().mode()).isEqualTo(EmitClause.Mode.ON_WINDOW_CLOSE);
    var every = (Statement.CreateQuery) one("CREATE STREAM x AS SELECT 1 FROM s EMIT EVERY INTERVAL '5' SECOND");
    assertThat(every.emit().intervalMillis()).isEqualTo(5_000);
  }

  @Test
  void scriptsSplitOnTopLevelSemicolonsOnly() {
    List<Statement> all = StatementParser.parseScript("CREATE SOURCE s (a VARCHAR);\n"
        + "INSERT INTO s VALUES ('x;y');  -- comment; still one\n/* ; */ SHOW SOURCES;");
    assertThat(all).hasSize(3);
    assertThat(((Statement.Insert) all.get(1)).source().sql()).isEqualTo("VALUES ('x;y')");
    assertThat(all.get(2)).isInstanceOf(Statement.Show.class);
  }

  @Test
  void dropShowDescribeExplain() {
    var d = (Statement.Drop) one("DROP MATERIALIZED VIEW IF EXISTS v CASCADE");
    assertThat(d.kind()).isEqualTo("MATERIALIZED VIEW");
    assertThat(d.ifExists()).isTrue();
    assertThat(d.cascade()).isTrue();
    assertThat(((Statement.Show) one("SHOW MATERIALIZED VIEWS")).what()).isEqualTo("MATERIALIZED VIEWS");
    assertThat(((Statement.ShowCreate) one("SHOW CREATE SOURCE s")).name()).isEqualTo("s");
    assertThat(((Statement.Describe) one("DESCRIBE s")).name()).isEqualTo("s");
    var e = (Statement.Explain) one("EXPLAIN CREATE STREAM x AS SELECT a FROM s EMIT CHANGES");
    assertThat(e.query().sql()).isEqualTo("SELECT a FROM s");
  }

  @Test
  void errorsNameLineAndColumn() {
    assertThatThrownBy(() -> StatementParser.parseScript("CREATE SOURCE s (a VARCHAR);\nCREATE SORCE t (b INT)"))
        .isInstanceOfSatisfying(LaminarException.class, e -> {
          assertThat(e.code()).isEqualTo("LDB-1001");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(8);
        });
    assertThatThrownBy(() -> StatementParser.parseScript("CREATE SOURCE s (a FANCY)"))
        .hasMessageContaining("unknown data type 'FANCY'").hasMessageContaining("column 20");
    assertThatThrownBy(() -> StatementParser.parseScript("CREATE SOURCE s (a VARCHAR, WATERMARK FOR a AS a * 2)"))
        .hasMessageContaining("LDB-1001");
    assertThatThrownBy(() -> StatementParser.parseScript("SELECT 'unterminated"))
        .hasMessageContaining("unterminated string literal");
  }

  @Test
  void configVariablesOnlyInsideStrings() {
    assertThat(ConfigVariables.substitute("SELECT '${A}' AS ${A}", Map.of("A", "it's")))
        .isEqualTo("SELECT 'it''s' AS ${A}");
    assertThatThrownBy(() -> ConfigVariables.substitute("'${NOPE}'", Map.of()))
        .hasMessageContaining("LDB-0003");
  }
}
