package io.laminardb.testing.slt;

import io.laminardb.testing.slt.SltRecord.ExpectedBlock;
import io.laminardb.testing.slt.SltRecord.ExpectedError;
import io.laminardb.testing.slt.SltRecord.RowText;
import io.laminardb.testing.slt.SltRecord.SortMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses LaminarDB's sqllogictest dialect: the base format of SQLite/DuckDB plus a few records for
 * streaming.
 *
 * <h2>Layout</h2>
 *
 * Records are separated by one or more blank lines. Outside a record, a line starting with {@code #} is a
 * comment (so a comment may sit directly above a record's header). Inside a record every line is
 * content. The first line of a record is its header.
 *
 * <h2>Records</h2>
 *
 * <pre>
 * statement ok                         SQL lines follow; the SQL must succeed
 * statement count &lt;n&gt;                  the SQL must succeed with RowsAffected(n)
 * statement error &lt;LDB-NNNN&gt; [regex]   the SQL must fail with that code; the regex (rest of the line,
 *                                      optional) must be found in the message. A header of just
 *                                      {@code statement error [regex]} accepts any code.
 * query &lt;types&gt; [rowsort|nosort]      SQL lines, a line {@code ----}, expected rows. The SQL is an
 *                                      ad-hoc statement returning rows (SELECT on a table or
 *                                      materialized view, SHOW, DESCRIBE, EXPLAIN). Default nosort.
 * push &lt;source&gt;                        one row per following line; all rows go in ONE pushRows call
 *                                      (one step). Literals: see {@link RowLiterals}.
 * push error &lt;LDB-NNNN&gt; &lt;source&gt; [regex]  the pushRows call must fail with that code
 * watermark &lt;source&gt; &lt;epoch-ms&gt;         one watermark step ({@code 'yyyy-MM-dd HH:mm:ss'} in UTC
 *                                      is accepted as well)
 * check watermark &lt;source&gt; &lt;ms|none&gt;   after an implicit await-idle (once started), the
 *                                      source's current watermark must be that value ({@code none}:
 *                                      no watermark yet)
 * subscribe &lt;name&gt;                     opens a subscription, kept under that name for the file
 * subscribe error &lt;LDB-NNNN&gt; &lt;name&gt;    subscribing must fail with that code
 * expect &lt;name&gt; [types] [rowsort|nosort]   optional {@code ----} and expected rows: after an implicit
 *                                      await-idle (once started), every row the subscription received
 *                                      since the previous expect on it. Default rowsort: the rows of
 *                                      one step are an unordered multiset (spec §1.3), so the whole
 *                                      block is compared as a multiset; nosort compares arrival order.
 *                                      No rows after {@code ----} (or no {@code ----}) means "no rows".
 * control start                        db.start()
 * control await-idle                   db.awaitIdle()
 * control clock advance &lt;n&gt; &lt;unit&gt;    advances the file's ManualClock (ms, s, m, h, d and their
 *                                      long names)
 * control checkpoint                   db.checkpoint() (the file then runs with a temporary storage directory)
 * control restart                      a crash and recovery: the database is killed (shutdownNow) and
 *                                      reopened on the same directory without re-running any DDL; open
 *                                      subscriptions are re-opened, started databases are started again
 * require &lt;feature&gt;                    skips the file when the runner lists the feature as unavailable
 * </pre>
 *
 * <h2>Expected rows</h2>
 *
 * One row per line, columns joined by {@code " | "}. Types are one letter per column: {@code I}
 * integer, {@code R} floating point, {@code T} text, {@code B} boolean, {@code D} date/time; any other
 * letter ({@code ?}, {@code N}) means "render by class, no check". Rendering rules (NULL, {@code (empty)},
 * doubles to 6 decimals trimmed, ISO timestamps) are in {@link ValueRenderer}. Trailing white space of
 * each row is ignored.
 *
 * <p>Every file runs against a fresh database built with {@code deterministic(true)} and a
 * {@code ManualClock} at epoch 0; see {@link SltRunner}.
 */
public final class SltParser {
  private static final Pattern CODE = Pattern.compile("LDB-\\d{4}");
  private static final Pattern TYPES = Pattern.compile("[A-Z?]+");
  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([A-Za-z]+)");
  private static final String SEPARATOR = "----";

  private final String name;
  private final List<String> lines;

  private SltParser(String name, List<String> lines) {
    this.name = name;
    this.lines = lines;
  }

  /** Parses a whole file's text. */
  public static SltScript parse(String name, String text) {
    return parse(name, text.lines().toList());
  }

  /** Parses a file given as lines (without line terminators). */
  public static SltScript parse(String name, List<String> lines) {
    return new SltScript(name, lines, new SltParser(name, lines).records());
  }

  private List<SltRecord> records() {
    List<SltRecord> records = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        i++;
        continue;
      }
      int end = i;
      while (end < lines.size() && !lines.get(end).isBlank()) {
        end++;
      }
      records.add(record(i, end));
      i = end;
    }
    return records;
  }

  /** Parses the record occupying lines {@code [start, end)}. */
  private SltRecord record(int start, int end) {
    int line = start + 1;
    String header = lines.get(start).strip();
    String[] t = header.split("\\s+");
    return switch (t[0]) {
      case "statement" -> statement(start, end, header, t);
      case "query" -> query(start, end, t);
      case "push" -> push(start, end, header, t);
      case "watermark" -> {
        noBody(start, end);
        want(line, t.length >= 3, "usage: watermark <source> <epoch-ms>");
        yield new SltRecord.Watermark(line, t[1], epochMillis(line, rest(header, 2)));
      }
      case "check" -> {
        noBody(start, end);
        want(line, t.length == 4 && t[1].equals("watermark"), "usage: check watermark <source> <epoch-ms|none>");
        yield new SltRecord.CheckWatermark(line, t[2], t[3].equals("none") ? null : epochMillis(line, t[3]));
      }
      case "subscribe" -> {
        noBody(start, end);
        if (t.length == 4 && t[1].equals("error")) {
          yield new SltRecord.Subscribe(line, t[3], new ExpectedError(code(line, t[2]), null));
        }
        want(line, t.length == 2, "usage: subscribe <name> | subscribe error <LDB-NNNN> <name>");
        yield new SltRecord.Subscribe(line, t[1], null);
      }
      case "expect" -> expect(start, end, t);
      case "control" -> control(start, end, t);
      case "require" -> {
        noBody(start, end);
        want(line, t.length == 2, "usage: require <feature>");
        yield new SltRecord.Require(line, t[1]);
      }
      default -> throw error(line, "unknown record type '" + t[0] + "'");
    };
  }

  private SltRecord statement(int start, int end, String header, String[] t) {
    int line = start + 1;
    want(line, t.length >= 2, "usage: statement ok | statement count <n> | statement error <LDB-NNNN> [regex]");
    String sql = sql(start + 1, end, line);
    return switch (t[1]) {
      case "ok" -> {
        want(line, t.length == 2, "statement ok takes no arguments");
        yield new SltRecord.StatementOk(line, sql);
      }
      case "count" -> {
        want(line, t.length == 3 && t[2].matches("\\d+"), "usage: statement count <n>");
        yield new SltRecord.StatementCount(line, sql, Long.parseLong(t[2]));
      }
      case "error" -> new SltRecord.StatementError(line, sql, expectedError(line, rest(header, 2), true));
      default -> throw error(line, "expected ok, count or error after 'statement', got '" + t[1] + "'");
    };
  }

  private SltRecord query(int start, int end, String[] t) {
    int line = start + 1;
    want(line, t.length >= 2 && t.length <= 3 && TYPES.matcher(t[1]).matches(),
        "usage: query <types> [rowsort|nosort], types one upper-case letter per column (I R T B D ?)");
    SortMode sort = t.length == 3 ? sortMode(line, t[2]) : SortMode.NOSORT;
    int separator = start + 1;
    while (separator < end && !lines.get(separator).strip().equals(SEPARATOR)) {
      separator++;
    }
    String sql = sql(start + 1, separator, line);
    return new SltRecord.Query(line, sql, t[1], sort, block(separator - 1, separator, end));
  }

  private SltRecord push(int start, int end, String header, String[] t) {
    int line = start + 1;
    ExpectedError error = null;
    String source;
    if (t.length >= 4 && t[1].equals("error")) {
      error = expectedError(line, t[2] + " " + rest(header, 4), false);
      source = t[3];
    } else {
      want(line, t.length == 2, "usage: push <source> | push error <LDB-NNNN> <source> [regex]");
      source = t[1];
    }
    want(line, end > start + 1, "push needs at least one row line");
    List<RowText> rows = new ArrayList<>();
    for (int i = start + 1; i < end; i++) {
      rows.add(new RowText(i + 1, lines.get(i).strip()));
    }
    return new SltRecord.Push(line, source, rows, error);
  }

  private SltRecord expect(int start, int end, String[] t) {
    int line = start + 1;
    want(line, t.length >= 2 && t.length <= 4, "usage: expect <name> [types] [rowsort|nosort]");
    String types = null;
    SortMode sort = SortMode.ROWSORT;
    for (int i = 2; i < t.length; i++) {
      if (t[i].equals("rowsort") || t[i].equals("nosort")) {
        sort = sortMode(line, t[i]);
      } else if (types == null && i == 2 && TYPES.matcher(t[i]).matches()) {
        types = t[i];
      } else {
        throw error(line, "unexpected '" + t[i] + "'; usage: expect <name> [types] [rowsort|nosort]");
      }
    }
    if (end > start + 1) {
      want(start + 2, lines.get(start + 1).strip().equals(SEPARATOR),
          "expect takes no SQL: the line after its header must be ----");
    }
    return new SltRecord.Expect(line, t[1], types, sort, block(start, start + 1, end));
  }

  private SltRecord control(int start, int end, String[] t) {
    int line = start + 1;
    noBody(start, end);
    want(line, t.length >= 2, "usage: control start|await-idle|clock advance <n> <unit>|restart|checkpoint");
    return switch (t[1]) {
      case "start" -> new SltRecord.Start(line);
      case "await-idle" -> new SltRecord.AwaitIdle(line);
      case "clock" -> {
        want(line, t.length >= 4 && t[2].equals("advance"), "usage: control clock advance <n> <unit>");
        yield new SltRecord.AdvanceClock(line, duration(line, String.join(" ", List.of(t).subList(3, t.length))));
      }
      case "checkpoint" -> new SltRecord.Checkpoint(line);
      case "restart" -> new SltRecord.Restart(line);
      default -> throw error(line, "unknown control command '" + t[1] + "'");
    };
  }

  /** The block after the separator at {@code separator} (absent when {@code separator == end}). */
  private ExpectedBlock block(int lastHeader, int separator, int end) {
    List<String> rows = new ArrayList<>();
    for (int i = separator + 1; i < end; i++) {
      rows.add(lines.get(i).stripTrailing());
    }
    return new ExpectedBlock(rows, lastHeader, end);
  }

  private String sql(int from, int to, int line) {
    want(line, to > from, "missing SQL after the header");
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      want(i + 1, !lines.get(i).strip().equals(SEPARATOR), "---- is only allowed in query records");
      if (i > from) {
        sb.append('\n');
      }
      sb.append(lines.get(i));
    }
    return sb.toString();
  }

  private ExpectedError expectedError(int line, String spec, boolean codeOptional) {
    String s = spec.strip();
    int space = s.indexOf(' ');
    String first = space < 0 ? s : s.substring(0, space);
    String regex = space < 0 ? "" : s.substring(space + 1).strip();
    if (!CODE.matcher(first).matches()) {
      want(line, codeOptional && !first.toUpperCase(Locale.ROOT).startsWith("LDB"),
          "expected an error code LDB-NNNN, got '" + first + "'");
      return new ExpectedError(null, s.isEmpty() ? null : compile(line, s));
    }
    return new ExpectedError(first, regex.isEmpty() ? null : compile(line, regex));
  }

  private String code(int line, String token) {
    want(line, CODE.matcher(token).matches(), "expected an error code LDB-NNNN, got '" + token + "'");
    return token;
  }

  private Pattern compile(int line, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new SltSyntaxException(name, line, "bad regex: " + e.getMessage(), e);
    }
  }

  private SortMode sortMode(int line, String token) {
    return switch (token) {
      case "rowsort" -> SortMode.ROWSORT;
      case "nosort" -> SortMode.NOSORT;
      default -> throw error(line, "expected rowsort or nosort, got '" + token + "'");
    };
  }

  private long epochMillis(int line, String value) {
    try {
      if (RowLiterals.isQuoted(value)) {
        return RowLiterals.parseLocalDateTime(RowLiterals.unquote(value)).toInstant(ZoneOffset.UTC)
            .toEpochMilli();
      }
      return Long.parseLong(value);
    } catch (RuntimeException e) {
      throw new SltSyntaxException(name, line, "bad watermark '" + value
          + "': use epoch milliseconds or 'yyyy-MM-dd HH:mm:ss' (UTC)", e);
    }
  }

  /** Parses {@code <n> <unit>} with units ms, s, m, h, d and their long forms. */
  static Duration parseDuration(String text) {
    Matcher m = AMOUNT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected <n> <unit>, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
      case "s", "sec", "second", "seconds" -> Duration.ofSeconds(n);
      case "m", "min", "minute", "minutes" -> Duration.ofMinutes(n);
      case "h", "hour", "hours" -> Duration.ofHours(n);
      case "d", "day", "days" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "'");
    };
  }

  private Duration duration(int line, String text) {
    try {
      return parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new SltSyntaxException(name, line, e.getMessage(), e);
    }
  }

  private void noBody(int start, int end) {
    want(start + 2, end == start + 1, "this record takes no lines after its header; add a blank line");
  }

  /** The header with its first {@code tokens} white-space separated tokens removed. */
  private static String rest(String header, int tokens) {
    String s = header.strip();
    for (int i = 0; i < tokens && !s.isEmpty(); i++) {
      int space = indexOfWhitespace(s);
      s = space < 0 ? "" : s.substring(space).stripLeading();
    }
    return s;
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private void want(int line, boolean condition, String message) {
    if (!condition) {
      throw error(line, message);
    }
  }

  private SltSyntaxException error(int line, String message) {
    return new SltSyntaxException(name, line, message);
  }
}
