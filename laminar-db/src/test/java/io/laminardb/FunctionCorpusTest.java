package io.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scalar functions in continuous queries, through the public API: every case declares a source
 * {@code src}, creates {@code CREATE STREAM s AS SELECT <expr> AS v FROM src}, pushes its rows one step
 * each and checks the exact value (and Java type) of {@code v} for every row.
 */
class FunctionCorpusTest {
  private static final Object NULL = null;
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05.678Z");
  private static final LocalDateTime TS = LocalDateTime.of(2024, 3, 15, 13, 45, 30, 250_000_000);

  @TestFactory
  Stream<DynamicTest> stringFunctions() {
    return run(
        fn("concat(a, '-', b)", "a VARCHAR, b VARCHAR")
            .row("x", "y").is("x-y").row("x", NULL).is("x-").row(NULL, NULL).is("-"),
        fn("concat(a, b)", "a VARCHAR, b VARCHAR").row(NULL, NULL).is("").row("a", "b").is("ab"),
        fn("concat(a, n, x)", "a VARCHAR, n BIGINT, x DOUBLE").row("a", 5L, 1.5).is("a51.5")
            .row(NULL, 5L, NULL).is("5"),
        fn("concat_ws(',', a, b, c)", "a VARCHAR, b VARCHAR, c VARCHAR")
            .row("x", NULL, "z").is("x,z").row(NULL, NULL, NULL).is("").row("x", "y", "z").is("x,y,z"),
        fn("concat_ws(sep, a, b)", "sep VARCHAR, a VARCHAR, b VARCHAR")
            .row(NULL, "a", "b").is(NULL).row("--", "a", "b").is("a--b"),
        fn("left(a, n)", "a VARCHAR, n BIGINT").row("hello", 2L).is("he").row("hello", -2L).is("hel")
            .row("hello", 10L).is("hello").row(NULL, 2L).is(NULL).row("hello", NULL).is(NULL),
        fn("right(a, n)", "a VARCHAR, n INT").row("hello", 2).is("lo").row("hello", -2).is("llo")
            .row("hello", 0).is(""),
        fn("lpad(a, n, f)", "a VARCHAR, n BIGINT, f VARCHAR").row("hi", 5L, "xy").is("xyxhi")
            .row("hello", 2L, "x").is("he").row("hi", 5L, "").is("hi").row("hi", -1L, "x").is("")
            .row(NULL, 5L, "x").is(NULL),
        fn("lpad(a, 4)", "a VARCHAR").row("hi").is("  hi"),
        fn("rpad(a, n, f)", "a VARCHAR, n BIGINT, f VARCHAR").row("hi", 5L, "xy").is("hixyx")
            .row("hello", 3L, "x").is("hel"),
        fn("rpad(a, 4)", "a VARCHAR").row("hi").is("hi  "),
        fn("initcap(a)", "a VARCHAR").row("hello wORLD-foo_bar 1st").is("Hello World-Foo_Bar 1st")
            .row(NULL).is(NULL),
        fn("reverse(a)", "a VARCHAR").row("abc").is("cba").row("Ça va").is("av aÇ").row(NULL).is(NULL),
        fn("repeat(a, n)", "a VARCHAR, n INT").row("ab", 3).is("ababab").row("ab", 0).is("")
            .row("ab", -1).is(""),
        fn("split_part(a, ',', n)", "a VARCHAR, n BIGINT").row("a,b,c", 2L).is("b").row("a,b,c", 4L).is("")
            .row("a,b,c", -1L).is("c").row("abc", 1L).is("abc"),
        fn("starts_with(a, 'He')", "a VARCHAR").row("Hello").is(true).row("hello").is(false).row(NULL).is(NULL),
        fn("ends_with(a, 'lo')", "a VARCHAR").row("Hello").is(true).row("Help").is(false),
        fn("ascii(a)", "a VARCHAR").row("abc").is(97).row("").is(0).row("Ça").is(199),
        fn("chr(n)", "n BIGINT").row(65L).is("A").row(199L).is("Ç").row(NULL).is(NULL),
        fn("btrim(a, 'xy')", "a VARCHAR").row("xyhixx").is("hi").row("xyx").is(""),
        fn("btrim(a)", "a VARCHAR").row("  hi  ").is("hi"),
        fn("ltrim(a, 'x')", "a VARCHAR").row("xxhixx").is("hixx"),
        fn("ltrim(a)", "a VARCHAR").row("  hi  ").is("hi  "),
        fn("rtrim(a, 'x')", "a VARCHAR").row("xxhixx").is("xxhi"),
        fn("rtrim(a)", "a VARCHAR").row("  hi  ").is("  hi"),
        fn("trim(BOTH 'x' FROM a)", "a VARCHAR").row("xxhixx").is("hi"),
        fn("translate(a, '143', 'ax')", "a VARCHAR").row("12345").is("a2x5").row(NULL).is(NULL),
        fn("md5(a)", "a VARCHAR").row("abc").is("900150983cd24fb0d6963f7d28e17f72")
            .row("").is("d41d8cd98f00b204e9800998ecf8427e"),
        fn("octet_length(a)", "a VARCHAR").row("Ça").is(3).row(NULL).is(NULL),
        fn("bit_length(a)", "a VARCHAR").row("abc").is(24).row("Ç").is(16),
        fn("to_hex(n)", "n BIGINT").row(255L).is("ff").row(-1L).is("ffffffffffffffff").row(0L).is("0"),
        fn("to_hex(n)", "n INT").row(4096).is("1000"),
        fn("strpos(a, b)", "a VARCHAR, b VARCHAR").row("hello", "ll").is(3).row("hello", "z").is(0)
            .row("Ça va", "va").is(4),
        fn("position(b IN a)", "a VARCHAR, b VARCHAR").row("hello", "lo").is(4).row(NULL, "x").is(NULL),
        fn("replace(a, 'o', '0')", "a VARCHAR").row("foo").is("f00"),
        fn("substr(a, 2)", "a VARCHAR").row("hello").is("ello").row("hi").is("i"),
        fn("substr(a, s, n)", "a VARCHAR, s BIGINT, n BIGINT").row("hello", 2L, 3L).is("ell")
            .row("hello", 0L, 2L).is("h").row("hello", -1L, 3L).is("h").row("hello", 4L, 10L).is("lo"),
        fn("substring(a FROM 2 FOR 3)", "a VARCHAR").row("hello").is("ell"),
        fn("substring(a, 2)", "a VARCHAR").row("hello").is("ello"),
        fn("length(a)", "a VARCHAR").row("Ça va").is(5).row("").is(0).row(NULL).is(NULL),
        fn("char_length(a)", "a VARCHAR").row("abc").is(3),
        fn("character_length(a)", "a VARCHAR").row("abc").is(3),
        fn("upper(a) || lower(a)", "a VARCHAR").row("Ab").is("ABab"),
        fn("concat(ts, '|', d, '|', b, '|', x)", "ts TIMESTAMP, d DECIMAL(5,2), b BOOLEAN, x DOUBLE")
            .row(TS, new BigDecimal("1.50"), true, 2.0).is("2024-03-15 13:45:30.250|1.50|true|2"),
        fn("concat_ws('-', n, a, n)", "n INT, a VARCHAR").row(1, NULL).is("1-1").row(NULL, "x").is("x"));
  }

  @TestFactory
  Stream<DynamicTest> mathFunctions() {
    double nan = Double.NaN;
    return run(
        fn("mod(i, j)", "i BIGINT, j INT").row(7L, 3).is(1L).row(-7L, 3).is(-1L).row(NULL, 3).is(NULL),
        fn("mod(x, y)", "x DOUBLE, y DOUBLE").row(7.5, 2.0).is(1.5),
        fn("trunc(x)", "x DOUBLE").row(2.7).is(2.0).row(-2.7).is(-2.0).row(NULL).is(NULL),
        fn("trunc(x, 2)", "x DOUBLE").row(3.14159).is(3.14).row(-3.14159).is(-3.14),
        fn("truncate(x, 1)", "x DOUBLE").row(2.78).is(2.7),
        // DECIMAL results carry the scale of their type: TRUNC and ROUND keep the argument's.
        fn("trunc(d)", "d DECIMAL(10,2)").row(new BigDecimal("-2.75")).is(new BigDecimal("-2.00")),
        fn("log(b, x)", "b DOUBLE, x DOUBLE").row(2.0, 8.0).is(3.0).row(10.0, 1000.0).is(3.0),
        fn("log(x)", "x DOUBLE").row(100.0).is(2.0),
        fn("log(2, i)", "i BIGINT").row(1024L).is(10.0),
        fn("log2(x)", "x DOUBLE").row(8.0).is(3.0).row(0.5).is(-1.0),
        fn("log10(x)", "x DOUBLE").row(1000.0).is(3.0),
        fn("ln(x)", "x DOUBLE").row(1.0).is(0.0),
        fn("cbrt(x)", "x DOUBLE").row(27.0).is(3.0).row(-8.0).is(-2.0),
        fn("sin(x)", "x DOUBLE").row(0.0).is(0.0).row(0.5).is(StrictMath.sin(0.5)),
        fn("cos(x)", "x DOUBLE").row(0.0).is(1.0),
        fn("tan(x)", "x DOUBLE").row(0.0).is(0.0).row(1.0).is(StrictMath.tan(1.0)),
        fn("asin(x)", "x DOUBLE").row(1.0).is(StrictMath.asin(1.0)),
        fn("acos(x)", "x DOUBLE").row(1.0).is(0.0),
        fn("atan(x)", "x DOUBLE").row(1.0).is(StrictMath.atan(1.0)),
        fn("atan2(y, x)", "y DOUBLE, x DOUBLE").row(1.0, 1.0).is(StrictMath.atan2(1.0, 1.0))
            .row(NULL, 1.0).is(NULL),
        fn("degrees(x)", "x DOUBLE").row(Math.PI).is(180.0),
        fn("radians(i)", "i BIGINT").row(180L).is(Math.PI),
        fn("round(x)", "x DOUBLE").row(2.5).is(3.0).row(-2.5).is(-3.0).row(2.4).is(2.0),
        fn("round(x, 2)", "x DOUBLE").row(0.125).is(0.13).row(-0.125).is(-0.13),
        fn("round(x, -1)", "x DOUBLE").row(15.0).is(20.0),
        fn("round(d, 1)", "d DECIMAL(10,2)").row(new BigDecimal("2.25")).is(new BigDecimal("2.30"))
            .row(new BigDecimal("-2.25")).is(new BigDecimal("-2.30")),
        fn("round(d)", "d DECIMAL(10,2)").row(new BigDecimal("2.50")).is(new BigDecimal("3.00")),
        fn("round(i)", "i BIGINT").row(7L).is(7L),
        fn("ceil(d)", "d DECIMAL(10,2)").row(new BigDecimal("2.10")).is(new BigDecimal("3"))
            .row(new BigDecimal("-2.10")).is(new BigDecimal("-2")),
        fn("floor(d)", "d DECIMAL(10,2)").row(new BigDecimal("-2.10")).is(new BigDecimal("-3")),
        fn("ceil(i)", "i BIGINT").row(7L).is(7L),
        fn("floor(j)", "j INT").row(7).is(7),
        fn("ceil(x)", "x DOUBLE").row(2.1).is(3.0),
        fn("abs(d)", "d DECIMAL(10,2)").row(new BigDecimal("-2.50")).is(new BigDecimal("2.50")),
        fn("abs(j)", "j INT").row(-3).is(3),
        fn("gcd(a, b)", "a BIGINT, b BIGINT").row(12L, 18L).is(6L).row(0L, 0L).is(0L).row(-12L, 18L).is(6L),
        fn("lcm(a, b)", "a BIGINT, b BIGINT").row(4L, 6L).is(12L).row(0L, 5L).is(0L).row(-4L, 6L).is(12L),
        fn("factorial(n)", "n BIGINT").row(5L).is(120L).row(0L).is(1L).row(-3L).is(1L).row(20L)
            .is(2432902008176640000L),
        fn("isnan(x)", "x DOUBLE").row(nan).is(true).row(1.0).is(false).row(NULL).is(NULL),
        fn("nanvl(x, y)", "x DOUBLE, y DOUBLE").row(nan, 5.0).is(5.0).row(1.0, 5.0).is(1.0),
        fn("power(x, 2)", "x DOUBLE").row(3.0).is(9.0),
        fn("sqrt(x)", "x DOUBLE").row(16.0).is(4.0),
        fn("exp(x)", "x DOUBLE").row(0.0).is(1.0),
        fn("sign(x)", "x DOUBLE").row(-2.0).is(-1.0),
        fn("pi()", "x DOUBLE").row(NULL).is(Math.PI),
        // DataFusion typing: a literal with a decimal point is DOUBLE; % has the wider operand type.
        fn("i / 2.0", "i BIGINT").row(7L).is(3.5),
        fn("i % j", "i BIGINT, j INT").row(-7L, 3).is(-1L),
        fn("x % y", "x DOUBLE, y DOUBLE").row(7.5, 2.0).is(1.5),
        fn("d * 2", "d DECIMAL(10,2)").row(new BigDecimal("1.25")).is(new BigDecimal("2.50")),
        fn("sqrt(d)", "d DECIMAL(10,2)").row(new BigDecimal("6.25")).is(2.5));
  }

  @TestFactory
  Stream<DynamicTest> dateTimeFunctions() {
    return run(
        fn("date_trunc('hour', ts)", "ts TIMESTAMP").row(TS).is(LocalDateTime.of(2024, 3, 15, 13, 0))
            .row(NULL).is(NULL),
        fn("date_trunc('week', ts)", "ts TIMESTAMP").row(TS).is(LocalDateTime.of(2024, 3, 11, 0, 0)),
        fn("date_trunc('quarter', ts)", "ts TIMESTAMP").row(TS).is(LocalDateTime.of(2024, 1, 1, 0, 0)),
        fn("date_trunc('second', ts)", "ts TIMESTAMP").row(TS).is(LocalDateTime.of(2024, 3, 15, 13, 45, 30)),
        fn("date_trunc('MONTH', d)", "d DATE").row(LocalDate.of(2024, 3, 15))
            .is(LocalDateTime.of(2024, 3, 1, 0, 0)),
        fn("date_trunc(u, ts)", "u VARCHAR, ts TIMESTAMP").row("day", TS).is(LocalDateTime.of(2024, 3, 15, 0, 0))
            .row(NULL, TS).is(NULL),
        fn("date_part('year', ts)", "ts TIMESTAMP").row(TS).is(2024L).row(NULL).is(NULL),
        fn("date_part('dow', ts)", "ts TIMESTAMP").row(TS).is(5L),
        fn("date_part('millisecond', ts)", "ts TIMESTAMP").row(TS).is(30_250L),
        fn("date_part('epoch', ts)", "ts TIMESTAMP").row(TS).is(1_710_510_330L),
        fn("date_part('day', d)", "d DATE").row(LocalDate.of(2024, 2, 29)).is(29L),
        fn("extract(month FROM ts)", "ts TIMESTAMP").row(TS).is(3L),
        fn("extract(doy FROM d)", "d DATE").row(LocalDate.of(2024, 2, 1)).is(32L),
        fn("to_timestamp(i)", "i BIGINT").row(1_700_000_000L).is(LocalDateTime.of(2023, 11, 14, 22, 13, 20)),
        fn("to_timestamp(x)", "x DOUBLE").row(1.5).is(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 500_000_000)),
        fn("to_timestamp(a)", "a VARCHAR").row("2024-01-01 10:00:00").is(LocalDateTime.of(2024, 1, 1, 10, 0)),
        fn("to_timestamp_millis(i)", "i BIGINT").row(1_005L).is(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 5_000_000)),
        fn("to_timestamp_seconds(i)", "i BIGINT").row(60L).is(LocalDateTime.of(1970, 1, 1, 0, 1)),
        fn("to_timestamp_micros(i)", "i BIGINT").row(1_500_000L)
            .is(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 500_000_000)),
        fn("from_unixtime(i)", "i BIGINT").row(86_400L).is(LocalDateTime.of(1970, 1, 2, 0, 0)).row(NULL).is(NULL),
        fn("make_date(y, m, d)", "y INT, m INT, d INT").row(2024, 2, 29).is(LocalDate.of(2024, 2, 29))
            .row(NULL, 1, 1).is(NULL),
        fn("now()", "x INT").row(1).is(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC)),
        fn("current_timestamp", "x INT").row(1).is(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC)),
        fn("current_date", "x INT").row(1).is(LocalDate.of(2024, 1, 2)),
        fn("current_time", "x INT").row(1).is(java.time.LocalTime.of(3, 4, 5, 678_000_000)),
        fn("ts + INTERVAL '1' HOUR", "ts TIMESTAMP").row(TS).is(TS.plusHours(1)),
        fn("ts + INTERVAL '250' MILLISECOND", "ts TIMESTAMP").row(TS).is(TS.plusNanos(250_000_000)),
        fn("ts - INTERVAL '5 minutes'", "ts TIMESTAMP").row(TS).is(TS.minusMinutes(5)),
        fn("ts + INTERVAL '1' MONTH", "ts TIMESTAMP").row(LocalDateTime.of(2024, 1, 31, 8, 0))
            .is(LocalDateTime.of(2024, 2, 29, 8, 0)),
        fn("floor(ts TO HOUR)", "ts TIMESTAMP").row(TS).is(LocalDateTime.of(2024, 3, 15, 13, 0)),
        fn("ceil(ts TO MONTH)", "ts TIMESTAMP").row(TS).is(LocalDateTime.of(2024, 4, 1, 0, 0)),
        fn("floor(d TO MONTH)", "d DATE").row(LocalDate.of(2024, 3, 15)).is(LocalDate.of(2024, 3, 1)),
        fn("extract(week FROM ts)", "ts TIMESTAMP").row(TS).is(11L),
        fn("extract(isodow FROM d)", "d DATE").row(LocalDate.of(2024, 3, 17)).is(7L),
        fn("CAST(ts AS VARCHAR)", "ts TIMESTAMP").row(TS).is("2024-03-15 13:45:30.250"),
        fn("proctime()", "x INT").row(1).is(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC)),
        fn("watermark()", "x INT").row(1).is(NULL));
  }

  @TestFactory
  Stream<DynamicTest> conditionalFunctions() {
    return run(
        fn("coalesce(a, b, c)", "a INT, b INT, c INT").row(NULL, 2, 3).is(2).row(NULL, NULL, NULL).is(NULL)
            .row(1, 2, 3).is(1),
        fn("coalesce(a, 0.5)", "a INT").row(NULL).is(0.5).row(2).is(2.0),
        fn("nullif(a, b)", "a INT, b INT").row(1, 1).is(NULL).row(1, 2).is(1).row(NULL, 2).is(NULL),
        fn("nvl(a, b)", "a VARCHAR, b VARCHAR").row(NULL, "y").is("y").row("x", "y").is("x"),
        fn("ifnull(a, b)", "a BIGINT, b BIGINT").row(NULL, 2L).is(2L).row(1L, 2L).is(1L),
        fn("greatest(a, b, c)", "a INT, b INT, c INT").row(1, NULL, 3).is(3).row(NULL, NULL, NULL).is(NULL),
        fn("least(a, b, c)", "a INT, b INT, c INT").row(1, NULL, 3).is(1).row(NULL, 5, NULL).is(5),
        fn("greatest(i, x)", "i BIGINT, x DOUBLE").row(3L, 2.5).is(3.0),
        fn("CASE WHEN j > 0 THEN j ELSE i END", "j INT, i BIGINT").row(1, 10L).is(1L).row(-1, 10L).is(10L),
        fn("CASE WHEN j > 0 THEN j ELSE x END", "j INT, x DOUBLE").row(1, 0.5).is(1.0).row(-1, 0.5).is(0.5),
        fn("CASE WHEN j > 0 THEN i ELSE 0 END", "j INT, i BIGINT").row(1, 10L).is(10L).row(-1, 10L).is(0L),
        fn("CASE WHEN j > 0 THEN d ELSE x END", "j INT, d DECIMAL(10,2), x DOUBLE")
            .row(1, new BigDecimal("1.25"), 0.5).is(1.25).row(-1, new BigDecimal("1.25"), 0.5).is(0.5),
        fn("CASE WHEN j > 0 THEN 'one' ELSE 'three' END", "j INT").row(1).is("one").row(-1).is("three"),
        fn("CASE j WHEN 1 THEN 'a' END", "j INT").row(1).is("a").row(2).is(NULL));
  }

  @TestFactory
  Stream<DynamicTest> regexFunctions() {
    return run(
        fn("regexp_replace(a, 'o', '0')", "a VARCHAR").row("foo").is("f0o").row(NULL).is(NULL),
        fn("regexp_replace(a, 'o', '0', 'g')", "a VARCHAR").row("foo").is("f00"),
        fn("regexp_replace(a, 'o', '0', 'gi')", "a VARCHAR").row("FOO").is("F00"),
        fn("regexp_replace(a, 'O', '0', 'i')", "a VARCHAR").row("foo").is("f0o"),
        fn("regexp_replace(a, '(b+)', '[\\1]', 'g')", "a VARCHAR").row("abbcb").is("a[bb]c[b]"),
        fn("regexp_replace(a, p, r, f)", "a VARCHAR, p VARCHAR, r VARCHAR, f VARCHAR")
            .row("aXa", "x", "-", "gi").is("a-a").row("aXa", "x", "-", NULL).is(NULL),
        fn("regexp_like(a, '^a.c$')", "a VARCHAR").row("abc").is(true).row("abd").is(false).row(NULL).is(NULL),
        fn("regexp_like(a, '^A', 'i')", "a VARCHAR").row("abc").is(true),
        fn("a ~ 'b+'", "a VARCHAR").row("abc").is(true).row("ac").is(false),
        fn("a ~* 'B'", "a VARCHAR").row("abc").is(true),
        fn("a !~ 'b'", "a VARCHAR").row("abc").is(false).row("ac").is(true),
        fn("a !~* 'B'", "a VARCHAR").row("abc").is(false),
        fn("regexp_extract(a, '(\\d+)-(\\d+)')", "a VARCHAR").row("ab 12-34").is("12").row("none").is(NULL),
        fn("regexp_extract(a, '[0-9]+')", "a VARCHAR").row("ab 12-34").is("12"),
        fn("regexp_count(a, 'o')", "a VARCHAR").row("foo boo").is(4L).row("x").is(0L).row(NULL).is(NULL),
        fn("regexp_count(a, 'O', 3, 'i')", "a VARCHAR").row("foo boo").is(3L),
        fn("a LIKE 'a%'", "a VARCHAR").row("abc").is(true),
        fn("a SIMILAR TO '(a|b)%'", "a VARCHAR").row("bcd").is(true));
  }

  // ---- runtime and planning errors ----

  @Test
  void runtimeErrorsAreReportedAndTheQueryKeepsRunning() {
    assertRuntimeError("i / j", "i BIGINT, j BIGINT", new Object[] {1L, 0L}, new Object[] {6L, 3L}, 2L);
    assertRuntimeError("i * 2", "i BIGINT", new Object[] {Long.MAX_VALUE}, new Object[] {4L}, 8L);
    assertRuntimeError("i + 1", "i BIGINT", new Object[] {Long.MAX_VALUE}, new Object[] {4L}, 5L);
    assertRuntimeError("CAST(a AS DOUBLE)", "a VARCHAR", new Object[] {"x"}, new Object[] {"2.5"}, 2.5);
    assertRuntimeError("mod(i, j)", "i BIGINT, j BIGINT", new Object[] {1L, 0L}, new Object[] {7L, 4L}, 3L);
    assertRuntimeError("factorial(n)", "n BIGINT", new Object[] {21L}, new Object[] {3L}, 6L);
    assertRuntimeError("make_date(y, m, d)", "y INT, m INT, d INT", new Object[] {2023, 2, 29},
        new Object[] {2023, 3, 1}, LocalDate.of(2023, 3, 1));
    assertRuntimeError("chr(n)", "n BIGINT", new Object[] {0L}, new Object[] {97L}, "a");
    assertRuntimeError("split_part(a, ',', n)", "a VARCHAR, n BIGINT", new Object[] {"a,b", 0L},
        new Object[] {"a,b", 1L}, "a");
    assertRuntimeError("abs(j)", "j INT", new Object[] {Integer.MIN_VALUE}, new Object[] {-5}, 5);
    assertRuntimeError("date_trunc(u, ts)", "u VARCHAR, ts TIMESTAMP", new Object[] {"fortnight", TS},
        new Object[] {"year", TS}, LocalDateTime.of(2024, 1, 1, 0, 0));
    assertRuntimeError("regexp_like(a, p)", "a VARCHAR, p VARCHAR", new Object[] {"x", "("},
        new Object[] {"x", "x"}, true);
    assertRuntimeError("lcm(a, b)", "a BIGINT, b BIGINT", new Object[] {Long.MAX_VALUE, 2L},
        new Object[] {2L, 3L}, 6L);
  }

  @Test
  void unknownFunctionIsReportedAtCreateWithPosition() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE src (a VARCHAR)");
      assertThatThrownBy(() -> db.execute("CREATE STREAM s AS\nSELECT  no_such_fn(a) AS v FROM src"))
          .isInstanceOfSatisfying(LaminarException.class, e -> {
            assertThat(e.code()).isEqualTo("LDB-1004");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(9);
          });
    }
  }

  /** Constant arguments that can never work fail CREATE instead of every row. */
  @Test
  void badConstantArgumentsAreReportedAtCreate() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE src (ts TIMESTAMP, a VARCHAR)");
      for (String expr : List.of("date_trunc('fortnight', ts)", "regexp_like(a, '(')", "a ~ '['",
          "regexp_replace(a, 'x', 'y', 'q')", "a SIMILAR TO '(a'")) {
        assertThatThrownBy(() -> db.execute("CREATE STREAM s AS SELECT " + expr + " AS v FROM src"))
            .as(expr).isInstanceOfSatisfying(LaminarException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo("LDB-1001"));
      }
    }
  }

  /** Positions stay those of the text as written, even after a rewritten ~ operator on the same line. */
  @Test
  void errorPositionsSurviveRegexOperatorRewrite() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE src (a VARCHAR)");
      assertThatThrownBy(() -> db.execute("CREATE STREAM s AS SELECT a ~* 'x' AS m, nope(a) AS v FROM src"))
          .isInstanceOfSatisfying(LaminarException.class, e -> {
            assertThat(e.code()).isEqualTo("LDB-1004");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(42);
          });
    }
  }

  @Test
  void misusedTypesAreTypeMismatches() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE src (symbol VARCHAR, price DOUBLE, n BIGINT)");
      for (String expr : List.of("upper(5)", "price + symbol", "symbol * 2", "left(n, 2)", "abs(symbol)",
          "date_trunc('hour', symbol)", "regexp_like(n, 'x')", "md5(price)", "ascii(n)", "SUM(symbol)",
          "gcd(price, n)", "concat_ws(n, symbol)", "make_date(symbol, 1, 1)", "to_timestamp(price > 1)",
          "md5(symbol, symbol)", "now(1)")) {
        assertThatThrownBy(() -> db.execute("CREATE STREAM s AS SELECT " + expr + " AS v FROM src"))
            .as(expr).isInstanceOfSatisfying(LaminarException.class,
                e -> assertThat(e.code()).as(expr + ": " + e.getMessage()).isEqualTo("LDB-1200"));
      }
    }
  }

  /** Ad-hoc SELECTs run on Calcite's executor, with its PostgreSQL variants where dialects differ. */
  @Test
  void adHocQueriesKeepCalciteBuiltIns() {
    try (LaminarDB db = LaminarDB.builder().deterministic(true).build()) {
      db.execute("CREATE SOURCE src (a BIGINT, b INT, s VARCHAR);"
          + "CREATE MATERIALIZED VIEW mv AS SELECT a, b, s FROM src");
      db.start();
      db.sourceUntyped("src").pushRows(List.<Object[]>of(new Object[] {7L, 3, "hello"}));
      db.awaitIdle();
      Row row = db.execute("SELECT a % b, mod(a, b), concat(s, '!'), greatest(a, b, 10), substr(s, 2, 3),"
          + " upper(s) ~ 'ELL', ltrim(s), round(a / 2.0) FROM mv").rows().get(0);
      // Calcite's executor types % and MOD like their divisor (INT here); continuous queries use the wider.
      assertThat(row.values()).containsExactly(1, 1, "hello!", 10L, "ell", true, "hello", 4.0);
    }
  }

  private static void assertRuntimeError(String expr, String columns, Object[] failing, Object[] next,
      Object expected) {
    List<LaminarException> errors = new ArrayList<>();
    try (LaminarDB db = LaminarDB.builder().deterministic(true)
        .errorListener((query, error) -> errors.add(error)).build()) {
      db.execute("CREATE SOURCE src (" + columns + ")");
      db.execute("CREATE STREAM s AS SELECT " + expr + " AS v FROM src");
      Subscription<Row> out = db.subscribe("s");
      db.start();
      db.sourceUntyped("src").pushRows(List.<Object[]>of(failing));
      db.awaitIdle();
      assertThat(out.poll()).as(expr).isEmpty();
      assertThat(errors).as(expr).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("LDB-7001"));
      db.sourceUntyped("src").pushRows(List.<Object[]>of(next));
      db.awaitIdle();
      assertThat(out.poll()).as(expr).extracting(r -> r.get(0)).containsExactly(expected);
      assertThat(errors).as(expr).hasSize(1);
    }
  }

  // ---- harness ----

  private static Case fn(String expr, String columns) {
    return new Case(expr, columns);
  }

  private static Stream<DynamicTest> run(Case... cases) {
    return Stream.of(cases).map(c -> DynamicTest.dynamicTest(c.expr + " over (" + c.columns + ")", c::check));
  }

  private static final class Case {
    final String expr;
    final String columns;
    final List<Object[]> inputs = new ArrayList<>();
    final List<Object> expected = new ArrayList<>();

    Case(String expr, String columns) {
      this.expr = expr;
      this.columns = columns;
    }

    Case row(Object... values) {
      inputs.add(values);
      return this;
    }

    Case is(Object value) {
      expected.add(value);
      return this;
    }

    void check() {
      List<LaminarException> errors = new ArrayList<>();
      try (LaminarDB db = LaminarDB.builder().deterministic(true).clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .errorListener((query, error) -> errors.add(error)).build()) {
        db.execute("CREATE SOURCE src (" + columns + ")");
        db.execute("CREATE STREAM s AS SELECT " + expr + " AS v FROM src");
        Subscription<Row> out = db.subscribe("s");
        db.start();
        List<Object> actual = new ArrayList<>();
        for (Object[] input : inputs) {
          db.sourceUntyped("src").pushRows(List.<Object[]>of(input));
          db.awaitIdle();
          List<Row> rows = out.poll();
          assertThat(errors).as("runtime errors").isEmpty();
          assertThat(rows).as("rows for input %s", Arrays.toString(input)).hasSize(1);
          actual.add(rows.get(0).get(0));
        }
        assertThat(actual).as(expr).containsExactlyElementsOf(expected);
        for (int i = 0; i < actual.size(); i++) {
          if (expected.get(i) != null) {
            assertThat(actual.get(i)).as("Java type of row %d", i + 1).isInstanceOf(expected.get(i).getClass());
          }
        }
      }
    }
  }
}
