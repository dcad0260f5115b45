package io.laminardb.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.testing.slt.SltRecord.SortMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {

  private static List<SltRecord> parse(String text) {
    return SltParser.parse("t.slt", text).records();
  }

  @Test
  void statementsWithCommentsAndMultiLineSql() {
    List<SltRecord> records = parse("""
        # a comment above a record
        statement ok
        CREATE SOURCE s (a BIGINT,
          b VARCHAR)

        # another
        statement count 2
        INSERT INTO t VALUES (1), (2)
        """);
    assertThat(records).containsExactly(
        new SltRecord.StatementOk(2, "CREATE SOURCE s (a BIGINT,\n  b VARCHAR)"),
        new SltRecord.StatementCount(7, "INSERT INTO t VALUES (1), (2)", 2));
  }

  @Test
  void statementErrorWithCodeAndRegex() {
    SltRecord.StatementError e = (SltRecord.StatementError) parse("""
        statement error LDB-1001 at line 1, column \\d+
        SELEC 1
        """).get(0);
    assertThat(e.sql()).isEqualTo("SELEC 1");
    assertThat(e.error().code()).isEqualTo("LDB-1001");
    assertThat(e.error().message().pattern()).isEqualTo("at line 1, column \\d+");
  }

  @Test
  void statementErrorWithoutRegexOrCode() {
    SltRecord.StatementError withCode = (SltRecord.StatementError) parse("statement error LDB-1100\nX\n").get(0);
    assertThat(withCode.error().code()).isEqualTo("LDB-1100");
    assertThat(withCode.error().message()).isNull();
    SltRecord.StatementError any = (SltRecord.StatementError) parse("statement error\nX\n").get(0);
    assertThat(any.error().code()).isNull();
    assertThat(any.error().message()).isNull();
  }

  @Test
  void queryWithExpectedBlock() {
    SltRecord.Query q = (SltRecord.Query) parse("""
        query ITR rowsort
        SELECT a, b, c
        FROM t
        ----
        1 | x | 1.5
        2 | y | NULL
        """).get(0);
    assertThat(q.sql()).isEqualTo("SELECT a, b, c\nFROM t");
    assertThat(q.types()).isEqualTo("ITR");
    assertThat(q.sort()).isEqualTo(SortMode.ROWSORT);
    assertThat(q.expected().rows()).containsExactly("1 | x | 1.5", "2 | y | NULL");
    assertThat(q.expected().lastHeaderIndex()).isEqualTo(2);
    assertThat(q.expected().endIndex()).isEqualTo(6);
  }

  @Test
  void queryDefaultsToNosortAndMayOmitTheBlock() {
    SltRecord.Query q = (SltRecord.Query) parse("query T\nSHOW SOURCES\n").get(0);
    assertThat(q.sort()).isEqualTo(SortMode.NOSORT);
    assertThat(q.expected().rows()).isEmpty();
    assertThat(q.expected().lastHeaderIndex()).isEqualTo(1);
  }

  @Test
  void pushRowsAndPushError() {
    List<SltRecord> records = parse("""
        push trades
        'AAPL' | 150.0 | 1000
        'MSFT' | 1.5 | 2000

        push error LDB-0006 trades column count
        'AAPL'
        """);
    SltRecord.Push push = (SltRecord.Push) records.get(0);
    assertThat(push.source()).isEqualTo("trades");
    assertThat(push.error()).isNull();
    assertThat(push.rows()).containsExactly(new SltRecord.RowText(2, "'AAPL' | 150.0 | 1000"),
        new SltRecord.RowText(3, "'MSFT' | 1.5 | 2000"));
    SltRecord.Push error = (SltRecord.Push) records.get(1);
    assertThat(error.source()).isEqualTo("trades");
    assertThat(error.error().code()).isEqualTo("LDB-0006");
    assertThat(error.error().message().pattern()).isEqualTo("column count");
  }

  @Test
  void watermarkInMillisOrUtcTimestamp() {
    List<SltRecord> records = parse("""
        watermark trades 5000

        watermark trades '1970-01-01 00:00:07'
        """);
    assertThat(records).containsExactly(new SltRecord.Watermark(1, "trades", 5000),
        new SltRecord.Watermark(3, "trades", 7000));
  }

  @Test
  void checkWatermark() {
    List<SltRecord> records = parse("""
        check watermark trades 7000

        check watermark trades none
        """);
    assertThat(records).containsExactly(new SltRecord.CheckWatermark(1, "trades", 7000L),
        new SltRecord.CheckWatermark(3, "trades", null));
  }

  @Test
  void subscribeAndExpect() {
    List<SltRecord> records = parse("""
        subscribe out

        subscribe error LDB-1101 nope

        expect out IT nosort
        ----
        1 | a

        expect out
        """);
    assertThat(records.get(0)).isEqualTo(new SltRecord.Subscribe(1, "out", null));
    assertThat(((SltRecord.Subscribe) records.get(1)).error().code()).isEqualTo("LDB-1101");
    SltRecord.Expect e = (SltRecord.Expect) records.get(2);
    assertThat(e.types()).isEqualTo("IT");
    assertThat(e.sort()).isEqualTo(SortMode.NOSORT);
    assertThat(e.expected().rows()).containsExactly("1 | a");
    SltRecord.Expect empty = (SltRecord.Expect) records.get(3);
    assertThat(empty.types()).isNull();
    assertThat(empty.sort()).isEqualTo(SortMode.ROWSORT);
    assertThat(empty.expected().rows()).isEmpty();
  }

  @Test
  void controlRecords() {
    List<SltRecord> records = parse("""
        control start

        control await-idle

        control clock advance 5 seconds

        control clock advance 250ms

        control restart

        require kafka

        control checkpoint
        """);
    assertThat(records).containsExactly(new SltRecord.Start(1), new SltRecord.AwaitIdle(3),
        new SltRecord.AdvanceClock(5, Duration.ofSeconds(5)),
        new SltRecord.AdvanceClock(7, Duration.ofMillis(250)),
        new SltRecord.Restart(9), new SltRecord.Require(11, "kafka"), new SltRecord.Checkpoint(13));
  }

  @Test
  void syntaxErrorsNameFileAndLine() {
    assertThatThrownBy(() -> parse("\n\nselect 1\n")).isInstanceOf(SltSyntaxException.class)
        .hasMessage("t.slt:3: unknown record type 'select'");
    assertThatThrownBy(() -> parse("statement error LDB-12\nX\n"))
        .hasMessageStartingWith("t.slt:1: expected an error code");
    assertThatThrownBy(() -> parse("statement ok\n")).hasMessageStartingWith("t.slt:1: missing SQL");
    assertThatThrownBy(() -> parse("query it\nSELECT 1\n")).hasMessageStartingWith("t.slt:1: usage: query");
    assertThatThrownBy(() -> parse("expect x\n1 | 2\n")).hasMessageStartingWith("t.slt:2: expect takes no SQL");
    assertThatThrownBy(() -> parse("control start\ncontrol await-idle\n"))
        .hasMessageStartingWith("t.slt:2: this record takes no lines");
    assertThatThrownBy(() -> parse("control clock advance 5 fortnights\n"))
        .hasMessageContaining("unknown time unit");
    assertThatThrownBy(() -> parse("push s\n")).hasMessageContaining("at least one row");
  }
}
