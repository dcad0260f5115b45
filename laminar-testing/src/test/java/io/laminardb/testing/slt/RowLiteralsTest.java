package io.laminardb.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.ColumnInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowLiteralsTest {
  private static final List<ColumnInfo> SCHEMA = List.of(
      new ColumnInfo("symbol", "VARCHAR", false),
      new ColumnInfo("price", "DOUBLE", false),
      new ColumnInfo("volume", "BIGINT", true),
      new ColumnInfo("ts", "TIMESTAMP(3)", false),
      new ColumnInfo("qty", "INT", true),
      new ColumnInfo("amount", "DECIMAL(10, 2)", true),
      new ColumnInfo("ok", "BOOLEAN", true));

  @Test
  void splitsOnBarsOutsideQuotes() {
    assertThat(RowLiterals.split("'a|b' | 1 |  'it''s' ")).containsExactly("'a|b'", "1", "'it''s'");
    assertThatThrownBy(() -> RowLiterals.split("'abc | 1")).hasMessageContaining("unterminated");
  }

  @Test
  void convertsByColumnType() {
    Object[] row = RowLiterals.parseRow(
        "'it''s' | 1.5 | NULL | '2024-01-01 00:00:01' | 7 | 10.50 | true", SCHEMA, false);
    assertThat(row).containsExactly("it's", 1.5, null, LocalDateTime.of(2024, 1, 1, 0, 0, 1), 7,
        new BigDecimal("10.50"), true);
  }

  @Test
  void bareTimestampIsEpochMillis() {
    Object[] row = RowLiterals.parseRow("'' | 2 | 3 | 1000 | 4 | '1.25' | FALSE", SCHEMA, false);
    assertThat(row).containsExactly("", 2.0, 3L, 1000L, 4, new BigDecimal("1.25"), false);
  }

  @Test
  void otherTemporalTypes() {
    assertThat(RowLiterals.convert("'2024-01-01T00:00:01Z'", "TIMESTAMP(3) WITH TIME ZONE"))
        .isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
    assertThat(RowLiterals.convert("'2024-01-01 00:00:01'", "TIMESTAMP(3) WITH TIME ZONE"))
        .isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
    assertThat(RowLiterals.convert("'2024-01-01'", "DATE")).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(RowLiterals.convert("'09:30:00'", "TIME")).isEqualTo(LocalTime.of(9, 30));
    assertThat(RowLiterals.convert("5", "SMALLINT")).isEqualTo((short) 5);
    assertThat(RowLiterals.convert("5", "REAL")).isEqualTo(5.0f);
  }

  @Test
  void strictModeRejectsBareStringsAndBadNumbers() {
    assertThatThrownBy(() -> RowLiterals.parseRow("AAPL | 1 | 1 | 1 | 1 | 1 | true", SCHEMA, false))
        .hasMessageContaining("symbol VARCHAR");
    assertThatThrownBy(() -> RowLiterals.parseRow("'a' | x | 1 | 1 | 1 | 1 | true", SCHEMA, false))
        .hasMessageContaining("price DOUBLE");
  }

  @Test
  void lenientModePassesRawTextAndExtraValuesUntyped() {
    Object[] row = RowLiterals.parseRow("'a' | 'oops' | x | 1 | 1 | 1 | true | 'extra' | 9 | 1.5", SCHEMA,
        true);
    assertThat(row).containsExactly("a", "oops", "x", 1L, 1, new BigDecimal("1"), true, "extra",
        9L, 1.5);
  }
}
