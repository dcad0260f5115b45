package io.laminardb.sql.planner;

import io.laminardb.sql.parser.Lexer;
import io.laminardb.sql.parser.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL/DataFusion spellings that Calcite's parser lacks, rewritten in the query text before parsing
 * (strings, quoted names and comments are left alone). Error positions Calcite reports against the
 * rewritten text map back to the original with {@link Rewrite#toOriginal}.
 *
 * <p>The regex match operators become Calcite's {@code RLIKE} (true when the pattern matches anywhere),
 * which binds like LIKE, as PostgreSQL's do next to comparisons, {@code ||} and arithmetic:
 * <pre>
 *   a ~ p    becomes  a RLIKE p
 *   a !~ p   becomes  a NOT RLIKE p
 *   a ~* p   becomes  a RLIKE '(?iu)p'        (a literal pattern gains the case-insensitive flag)
 *   a ~* p   becomes  a RLIKE '(?iu)' || p    (any other pattern expression)
 * </pre>
 * Interval literals in units Calcite does not know, or with the unit inside the string:
 * <pre>
 *   INTERVAL '250' MILLISECOND   becomes  INTERVAL '0.25' SECOND
 *   INTERVAL '5 minutes'         becomes  INTERVAL '5' MINUTE
 * </pre>
 */
final class DialectSyntax {
  private static final String INSENSITIVE = "(?iu)";
  private static final Set<String> CALCITE_UNITS = Set.of("YEAR", "YEARS", "MONTH", "MONTHS", "DAY", "DAYS",
      "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS", "WEEK", "WEEKS", "QUARTER", "QUARTERS");

  private DialectSyntax() {}

  /** The text as written, and where it was changed. */
  record Rewrite(String sql, String original, List<Edit> edits) {
    /** Maps a 1-based (line, column) of {@link #sql} to the original text. */
    int[] toOriginal(int line, int column) {
      if (edits.isEmpty() || line <= 0) {
        return new int[] {line, column};
      }
      int offset = offsetOf(sql, line, column);
      int shift = 0;
      for (Edit e : edits) {
        int start = e.start() + shift;
        if (offset < start) {
          break;
        }
        if (offset < start + e.replacement().length()) {
          return positionOf(original, e.start());
        }
        shift += e.replacement().length() - (e.end() - e.start());
      }
      return positionOf(original, offset - shift);
    }
  }

  /** Original characters {@code [start, end)} replaced by {@code replacement}. */
  record Edit(int start, int end, String replacement) {}

  static Rewrite rewrite(String sql) {
    if (sql.indexOf('~') < 0 && !sql.toUpperCase(Locale.ROOT).contains("INTERVAL")) {
      return new Rewrite(sql, sql, List.of());
    }
    List<Token> tokens = Lexer.tokenize(sql);
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("~")) {
        i = regexOperator(tokens, i, edits);
      } else if (t.is("INTERVAL") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.STRING) {
        interval(tokens, i + 1, edits);
      }
    }
    StringBuilder out = new StringBuilder(sql.length() + 16 * edits.size());
    int at = 0;
    for (Edit e : edits) {
      out.append(sql, at, e.start()).append(e.replacement());
      at = e.end();
    }
    out.append(sql, at, sql.length());
    return new Rewrite(out.toString(), sql, edits);
  }

  /** Rewrites the regex operator whose {@code ~} is token {@code i}; returns the last token consumed. */
  private static int regexOperator(List<Token> tokens, int i, List<Edit> edits) {
    int start = tokens.get(i).start();
    int end = tokens.get(i).end();
    boolean negated = i > 0 && tokens.get(i - 1).isSymbol("!") && tokens.get(i - 1).end() == start;
    if (negated) {
      start = tokens.get(i - 1).start();
    }
    int last = i;
    boolean insensitive = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("*")
        && tokens.get(i + 1).start() == end;
    if (insensitive) {
      last = i + 1;
      end = tokens.get(last).end();
    }
    edits.add(new Edit(start, end, negated ? " NOT RLIKE " : " RLIKE "));
    if (insensitive && last + 1 < tokens.size()) {
      Token pattern = tokens.get(last + 1);
      if (pattern.kind() == Token.Kind.STRING) {
        edits.add(new Edit(pattern.start() + 1, pattern.start() + 1, INSENSITIVE));
      } else {
        edits.add(new Edit(pattern.start(), pattern.start(), "'" + INSENSITIVE + "' || "));
      }
    }
    return last;
  }

  /** Rewrites {@code INTERVAL '<amount>' MILLISECOND[S]} and {@code INTERVAL '<amount> <unit>'}. */
  private static void interval(List<Token> tokens, int literal, List<Edit> edits) {
    Token amount = tokens.get(literal);
    Token unit = literal + 1 < tokens.size() ? tokens.get(literal + 1) : null;
    if (unit != null && (unit.is("MILLISECOND") || unit.is("MILLISECONDS"))) {
      String seconds = seconds(amount.text().trim());
      if (seconds != null) {
        edits.add(new Edit(amount.start(), unit.end(), "'" + seconds + "' SECOND"));
      }
      return;
    }
    if (unit != null && unit.kind() == Token.Kind.WORD && CALCITE_UNITS.contains(unit.text().toUpperCase(
        Locale.ROOT))) {
      return;
    }
    String[] parts = amount.text().trim().split("\\s+");
    if (parts.length != 2) {
      return;
    }
    String calciteUnit = switch (parts[1].toLowerCase(Locale.ROOT)) {
      case "ms", "msec", "millisecond", "milliseconds" -> "MILLISECOND";
      case "s", "sec", "secs", "second", "seconds" -> "SECOND";
      case "m", "min", "mins", "minute", "minutes" -> "MINUTE";
      case "h", "hour", "hours" -> "HOUR";
      case "d", "day", "days" -> "DAY";
      case "mon", "mons", "month", "months" -> "MONTH";
      case "y", "year", "years" -> "YEAR";
      default -> null;
    };
    if (calciteUnit == null || seconds(parts[0]) == null) {
      return;
    }
    String text = calciteUnit.equals("MILLISECOND") ? "'" + seconds(parts[0]) + "' SECOND"
        : "'" + parts[0] + "' " + calciteUnit;
    edits.add(new Edit(amount.start(), amount.end(), text));
  }

  /** {@code millis} / 1000 as decimal text, or null when {@code millis} is no number. */
  private static String seconds(String millis) {
    try {
      return new BigDecimal(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int offsetOf(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return text.length();
      }
      offset = newline + 1;
    }
    return Math.min(text.length(), offset + column - 1);
  }

  private static int[] positionOf(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
