package io.laminardb.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

  @Test
  void doublesKeepSixDecimalsTrimmed() {
    assertThat(ValueRenderer.render(1.5)).isEqualTo("1.5");
    assertThat(ValueRenderer.render(150.0)).isEqualTo("150");
    assertThat(ValueRenderer.render(1.0 / 3)).isEqualTo("0.333333");
    assertThat(ValueRenderer.render(2.0 / 3)).isEqualTo("0.666667");
    assertThat(ValueRenderer.render(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(ValueRenderer.render(-0.0)).isEqualTo("0");
    assertThat(ValueRenderer.render(1e20)).isEqualTo("100000000000000000000");
    assertThat(ValueRenderer.render(-2.5e-7)).isEqualTo("0");
    assertThat(ValueRenderer.render(Double.NaN)).isEqualTo("NaN");
    assertThat(ValueRenderer.render(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(ValueRenderer.render(1.1f)).isEqualTo("1.1");
  }

  @Test
  void decimalsKeepTheirScaleUnlessDeclaredReal() {
    assertThat(ValueRenderer.render(new BigDecimal("10.50"))).isEqualTo("10.50");
    assertThat(ValueRenderer.render(new BigDecimal("10.50"), 'R', 0)).isEqualTo("10.5");
    assertThat(ValueRenderer.render(new BigDecimal("10.50"), 'N', 0)).isEqualTo("10.50");
  }

  @Test
  void stringsNullAndEmpty() {
    assertThat(ValueRenderer.render("a b")).isEqualTo("a b");
    assertThat(ValueRenderer.render("")).isEqualTo("(empty)");
    assertThat(ValueRenderer.render(null, 'T', 0)).isEqualTo("NULL");
  }

  @Test
  void temporalValuesAreIso() {
    assertThat(ValueRenderer.render(LocalDateTime.of(2024, 1, 1, 0, 0))).isEqualTo("2024-01-01T00:00:00");
    assertThat(ValueRenderer.render(LocalDateTime.of(2024, 1, 1, 0, 0, 1, 500_000_000)))
        .isEqualTo("2024-01-01T00:00:01.500");
    assertThat(ValueRenderer.render(LocalDateTime.of(2024, 1, 1, 0, 0, 1, 123_456_000)))
        .isEqualTo("2024-01-01T00:00:01.123456");
    assertThat(ValueRenderer.render(Instant.ofEpochMilli(1000))).isEqualTo("1970-01-01T00:00:01Z");
    assertThat(ValueRenderer.render(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    assertThat(ValueRenderer.render(LocalTime.of(9, 30))).isEqualTo("09:30:00");
    assertThat(ValueRenderer.render(Duration.ofSeconds(5))).isEqualTo("PT5S");
    assertThat(ValueRenderer.render(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0x0aff");
  }

  @Test
  void rowsJoinWithBarsAndCheckTypeLetters() {
    assertThat(ValueRenderer.renderRow(Arrays.asList(1L, "x", 2.5, true, null), "ITRBI"))
        .isEqualTo("1 | x | 2.5 | true | NULL");
    assertThat(ValueRenderer.renderRow(Arrays.asList(1, 2.5), null)).isEqualTo("1 | 2.5");
    assertThatThrownBy(() -> ValueRenderer.renderRow(Arrays.asList(1L, 1.5), "II"))
        .isInstanceOf(ValueRenderer.TypeLetterMismatch.class)
        .hasMessage("column 2 is declared 'I' but holds Double 1.5");
    assertThatThrownBy(() -> ValueRenderer.renderRow(Arrays.asList("1"), "I"))
        .isInstanceOf(ValueRenderer.TypeLetterMismatch.class);
    assertThat(ValueRenderer.renderRow(Arrays.asList("1"), "?")).isEqualTo("1");
  }
}
