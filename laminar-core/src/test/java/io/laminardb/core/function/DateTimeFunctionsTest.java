package io.laminardb.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest {
  private static final long TS = millis(LocalDateTime.of(2024, 3, 15, 13, 45, 30, 250_000_000));

  private static long millis(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  @Test
  void extractsFields() {
    assertThat(DateTimeFunctions.extract(DateUnit.YEAR, TS)).isEqualTo(2024);
    assertThat(DateTimeFunctions.extract(DateUnit.QUARTER, TS)).isEqualTo(1);
    assertThat(DateTimeFunctions.extract(DateUnit.MONTH, TS)).isEqualTo(3);
    assertThat(DateTimeFunctions.extract(DateUnit.DAY, TS)).isEqualTo(15);
    assertThat(DateTimeFunctions.extract(DateUnit.HOUR, TS)).isEqualTo(13);
    assertThat(DateTimeFunctions.extract(DateUnit.MINUTE, TS)).isEqualTo(45);
    assertThat(DateTimeFunctions.extract(DateUnit.SECOND, TS)).isEqualTo(30);
    assertThat(DateTimeFunctions.extract(DateUnit.MILLISECOND, TS)).isEqualTo(30_250);
    assertThat(DateTimeFunctions.extract(DateUnit.MICROSECOND, TS)).isEqualTo(30_250_000);
    assertThat(DateTimeFunctions.extract(DateUnit.DOW, TS)).isEqualTo(5);
    assertThat(DateTimeFunctions.extract(DateUnit.ISODOW, TS)).isEqualTo(5);
    assertThat(DateTimeFunctions.extract(DateUnit.DOY, TS)).isEqualTo(75);
    assertThat(DateTimeFunctions.extract(DateUnit.WEEK, TS)).isEqualTo(11);
    assertThat(DateTimeFunctions.extract(DateUnit.EPOCH, TS)).isEqualTo(1_710_510_330L);
    assertThat(DateTimeFunctions.extract(DateUnit.EPOCH, -1)).isEqualTo(-1);
    assertThat(DateTimeFunctions.extract(DateUnit.DECADE, TS)).isEqualTo(202);
    assertThat(DateTimeFunctions.extract(DateUnit.CENTURY, TS)).isEqualTo(21);
    assertThat(DateTimeFunctions.extract(DateUnit.MILLENNIUM, TS)).isEqualTo(3);
    assertThat(DateTimeFunctions.extract("years", TS)).isEqualTo(2024);
    assertThatThrownBy(() -> DateTimeFunctions.extract("fortnight", TS)).hasMessageContaining("LDB-7001");
  }

  @Test
  void truncatesAndCeils() {
    assertThat(utc(DateTimeFunctions.truncate(DateUnit.HOUR, TS))).isEqualTo(LocalDateTime.of(2024, 3, 15, 13, 0));
    assertThat(utc(DateTimeFunctions.truncate(DateUnit.WEEK, TS))).isEqualTo(LocalDateTime.of(2024, 3, 11, 0, 0));
    assertThat(utc(DateTimeFunctions.truncate(DateUnit.QUARTER, TS))).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(utc(DateTimeFunctions.truncate(DateUnit.DECADE, TS))).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
    assertThat(utc(DateTimeFunctions.truncate(DateUnit.CENTURY, TS))).isEqualTo(LocalDateTime.of(2001, 1, 1, 0, 0));
    assertThat(utc(DateTimeFunctions.truncate(DateUnit.MILLENNIUM, TS)))
        .isEqualTo(LocalDateTime.of(2001, 1, 1, 0, 0));
    assertThat(DateTimeFunctions.truncate(DateUnit.MILLISECOND, TS)).isEqualTo(TS);
    assertThat(DateTimeFunctions.truncate(DateUnit.SECOND, -1)).isEqualTo(-1000);
    assertThat(utc(DateTimeFunctions.ceil(DateUnit.MONTH, TS))).isEqualTo(LocalDateTime.of(2024, 4, 1, 0, 0));
    assertThat(utc(DateTimeFunctions.ceil(DateUnit.WEEK, TS))).isEqualTo(LocalDateTime.of(2024, 3, 18, 0, 0));
    assertThat(DateTimeFunctions.ceil(DateUnit.HOUR, millis(LocalDateTime.of(2024, 1, 1, 5, 0))))
        .isEqualTo(millis(LocalDateTime.of(2024, 1, 1, 5, 0)));
    assertThat(DateTimeFunctions.truncate("Day", TS)).isEqualTo(millis(LocalDateTime.of(2024, 3, 15, 0, 0)));
    assertThatThrownBy(() -> DateTimeFunctions.truncate("dow", TS)).hasMessageContaining("LDB-7001");
    assertThat(DateTimeFunctions.isTruncUnit("MONTHS")).isTrue();
    assertThat(DateTimeFunctions.isTruncUnit("epoch")).isFalse();
  }

  /** The arithmetic calendar agrees with java.time over five thousand years, before and after 1970. */
  @Test
  void agreesWithJavaTime() {
    for (long days = -1_000_000; days <= 1_000_000; days += 997) {
      LocalDate date = LocalDate.ofEpochDay(days);
      long ts = days * 86_400_000L + Math.floorMod(days * 7_919_317L, 86_400_000L);
      LocalDateTime t = utc(ts);
      assertThat(DateTimeFunctions.extract(DateUnit.YEAR, ts)).as("%s", t).isEqualTo(t.getYear());
      assertThat(DateTimeFunctions.extract(DateUnit.MONTH, ts)).as("%s", t).isEqualTo(t.getMonthValue());
      assertThat(DateTimeFunctions.extract(DateUnit.DAY, ts)).as("%s", t).isEqualTo(t.getDayOfMonth());
      assertThat(DateTimeFunctions.extract(DateUnit.DOY, ts)).as("%s", t).isEqualTo(t.getDayOfYear());
      assertThat(DateTimeFunctions.extract(DateUnit.ISODOW, ts)).as("%s", t).isEqualTo(t.getDayOfWeek().getValue());
      assertThat(DateTimeFunctions.extract(DateUnit.WEEK, ts)).as("%s", t)
          .isEqualTo(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      assertThat(DateTimeFunctions.extract(DateUnit.HOUR, ts)).as("%s", t).isEqualTo(t.getHour());
      assertThat(utc(DateTimeFunctions.truncate(DateUnit.MONTH, ts))).as("%s", t)
          .isEqualTo(date.withDayOfMonth(1).atStartOfDay());
      assertThat(utc(DateTimeFunctions.truncate(DateUnit.YEAR, ts))).as("%s", t)
          .isEqualTo(date.withDayOfYear(1).atStartOfDay());
      assertThat(utc(DateTimeFunctions.truncate(DateUnit.WEEK, ts))).as("%s", t)
          .isEqualTo(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay());
      assertThat(utc(DateTimeFunctions.truncate(DateUnit.MINUTE, ts))).as("%s", t)
          .isEqualTo(t.truncatedTo(ChronoUnit.MINUTES));
      assertThat(DateTimeFunctions.makeDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth())).isEqualTo(days);
      for (long months : new long[] {-25, -1, 1, 13}) {
        assertThat(utc(DateTimeFunctions.addMonths(ts, months))).as("%s + %d months", t, months)
            .isEqualTo(t.plusMonths(months));
        assertThat(DateTimeFunctions.monthsBetween(millis(t.plusMonths(months).plusDays(days % 3)), ts))
            .as("%s + %d months", t, months)
            .isEqualTo(ChronoUnit.MONTHS.between(t, t.plusMonths(months).plusDays(days % 3)));
      }
    }
  }

  @Test
  void makeDateRejectsImpossibleDates() {
    assertThat(DateTimeFunctions.makeDate(2024, 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    assertThatThrownBy(() -> DateTimeFunctions.makeDate(2023, 2, 29)).hasMessageContaining("LDB-7001");
    assertThatThrownBy(() -> DateTimeFunctions.makeDate(2023, 13, 1)).hasMessageContaining("LDB-7001");
    assertThatThrownBy(() -> DateTimeFunctions.makeDate(2023, 4, 31)).hasMessageContaining("LDB-7001");
  }

  @Test
  void epochConversions() {
    assertThat(DateTimeFunctions.toTimestamp(1_700_000_000L)).isEqualTo(1_700_000_000_000L);
    assertThat(DateTimeFunctions.toTimestamp(1.5)).isEqualTo(1500L);
    assertThat(DateTimeFunctions.toTimestamp(-0.0015)).isEqualTo(-2L);
    assertThat(DateTimeFunctions.toTimestamp("2024-01-01 10:00:00")).isEqualTo(1_704_103_200_000L);
    assertThat(DateTimeFunctions.toTimestampMicros(-1)).isEqualTo(-1);
    assertThat(DateTimeFunctions.toTimestampMicros(1_500_000)).isEqualTo(1500);
    assertThatThrownBy(() -> DateTimeFunctions.toTimestamp(Long.MAX_VALUE / 10)).hasMessageContaining("LDB-7001");
    assertThatThrownBy(() -> DateTimeFunctions.toTimestamp(Double.NaN)).hasMessageContaining("LDB-7001");
  }
}
