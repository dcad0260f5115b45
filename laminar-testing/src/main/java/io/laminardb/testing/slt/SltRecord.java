package io.laminardb.testing.slt;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** One record of a {@code .slt} file, as produced by {@link SltParser}. */
public sealed interface SltRecord {

  /** 1-based line of the record's header. */
  int line();

  /** How result rows are ordered before comparison. */
  enum SortMode {
    /** Compare in the order the engine produced them. */
    NOSORT,
    /** Sort rendered rows (as strings) on both sides before comparing. */
    ROWSORT
  }

  /**
   * The error a record expects.
   *
   * @param code an {@code LDB-NNNN} code, or null for "any code"
   * @param message a regex that must be found in the error message, or null
   */
  record ExpectedError(String code, Pattern message) {
    /** Human-readable form for failure messages. */
    public String describe() {
      String c = code == null ? "an error" : "error " + code;
      return message == null ? c : c + " matching /" + message.pattern() + "/";
    }
  }

  /**
   * An expected-result block.
   *
   * @param rows the expected rows, one rendered row per element (trailing white space removed)
   * @param lastHeaderIndex 0-based index of the last line before the block's {@code ----} line (or
   *     before where it would go when the block has none)
   * @param endIndex 0-based index one past the record's last line
   */
  record ExpectedBlock(List<String> rows, int lastHeaderIndex, int endIndex) {}

  /** One row of a {@code push} record. */
  record RowText(int line, String text) {}

  /** {@code statement ok}: the SQL must succeed. */
  record StatementOk(int line, String sql) implements SltRecord {}

  /** {@code statement count <n>}: the SQL must succeed and report {@code n} rows affected. */
  record StatementCount(int line, String sql, long count) implements SltRecord {}

  /** {@code statement error <code> [regex]}: the SQL must fail as described. */
  record StatementError(int line, String sql, ExpectedError error) implements SltRecord {}

  /** {@code query <types> [rowsort|nosort]}: the SQL returns rows equal to the expected block. */
  record Query(int line, String sql, String types, SortMode sort, ExpectedBlock expected)
      implements SltRecord {}

  /** {@code push <source>} or {@code push error <code> <source> [regex]}: one pushRows call. */
  record Push(int line, String source, List<RowText> rows, ExpectedError error) implements SltRecord {}

  /** {@code watermark <source> <epoch-ms>}: one watermark step. */
  record Watermark(int line, String source, long epochMillis) implements SltRecord {}

  /**
   * {@code check watermark <source> <epoch-ms|none>}: after an implicit await-idle, the source's current
   * watermark ({@code expected} null for "none yet").
   */
  record CheckWatermark(int line, String source, Long expected) implements SltRecord {}

  /** {@code subscribe <name>} or {@code subscribe error <code> <name>}. */
  record Subscribe(int line, String name, ExpectedError error) implements SltRecord {}

  /** {@code expect <name> [types] [rowsort|nosort]}: rows received since the previous expect. */
  record Expect(int line, String name, String types, SortMode sort, ExpectedBlock expected)
      implements SltRecord {}

  /** {@code control start}. */
  record Start(int line) implements SltRecord {}

  /** {@code control await-idle}. */
  record AwaitIdle(int line) implements SltRecord {}

  /** {@code control clock advance <n> <unit>}. */
  record AdvanceClock(int line, Duration by) implements SltRecord {}

  /** {@code control restart} / {@code control checkpoint}: reserved for the durability work. */
  record Unsupported(int line, String command) implements SltRecord {}

  /** {@code control checkpoint}. */
  record Checkpoint(int line) implements SltRecord {}

  /** {@code control restart}: crash and recover on the same storage directory. */
  record Restart(int line) implements SltRecord {}

  /** {@code require <feature>}. */
  record Require(int line, String feature) implements SltRecord {}
}
