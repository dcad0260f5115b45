package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LIKE, SIMILAR TO and POSIX-style regular expressions. Constant patterns are compiled once per query;
 * patterns coming from data are compiled per call.
 */
public final class RegexFunctions {
  private RegexFunctions() {}

  /** Translates a LIKE pattern ({@code %}, {@code _}, optional escape character) to a regex. */
  public static Pattern compileLike(String like, String escape) {
    char esc = escape == null || escape.isEmpty() ? '\0' : escape.charAt(0);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (esc != '\0' && c == esc && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append("(?s:.*)");
      } else if (c == '_') {
        regex.append("(?s:.)");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  public static Pattern compileSimilar(String similar) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < similar.length(); i++) {
      char c = similar.charAt(i);
      switch (c) {
        case '%' -> regex.append("(?s:.*)");
        case '_' -> regex.append("(?s:.)");
        case '.', '^', '$', '\\' -> regex.append('\\').append(c);
        default -> regex.append(c);
      }
    }
    return compile(regex.toString());
  }

  public static Pattern compile(String regex) {
    return compile(regex, 0);
  }

  public static Pattern compileInsensitive(String regex) {
    return compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * Compiles with PostgreSQL-style flags: {@code i} case-insensitive, {@code c} case-sensitive, {@code m}
   * / {@code n} multi-line anchors, {@code s} dot matches newline, {@code x} extended syntax; {@code g}
   * (replace every match) is accepted and left to the caller.
   */
  public static Pattern compile(String regex, String flags) {
    return compile(regex, javaFlags(flags));
  }

  private static Pattern compile(String regex, int flags) {
    try {
      return Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "invalid regular expression '" + regex + "': "
          + e.getDescription());
    }
  }

  private static int javaFlags(String flags) {
    int java = 0;
    for (int i = 0; i < flags.length(); i++) {
      switch (flags.charAt(i)) {
        case 'i' -> java |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'c' -> java &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        case 'm', 'n' -> java |= Pattern.MULTILINE;
        case 's' -> java |= Pattern.DOTALL;
        case 'x' -> java |= Pattern.COMMENTS;
        case 'g' -> { }
        default -> throw new LaminarException(ErrorCode.QUERY_EXECUTION, "invalid regular expression flag '"
            + flags.charAt(i) + "' in '" + flags + "'");
      }
    }
    return java;
  }

  /** Whether {@code flags} ask REGEXP_REPLACE to replace every match ({@code g}). */
  public static boolean isGlobal(String flags) {
    return flags.indexOf('g') >= 0;
  }

  public static boolean matchesWhole(Pattern p, String s) {
    return p.matcher(s).matches();
  }

  public static boolean find(Pattern p, String s) {
    return p.matcher(s).find();
  }

  /** REGEXP_REPLACE: the first match, or every match when {@code global}; {@code \1} or {@code $1} groups. */
  public static String replace(Pattern p, String s, String replacement, boolean global) {
    Matcher m = p.matcher(s);
    String r = javaReplacement(replacement);
    return global ? m.replaceAll(r) : m.replaceFirst(r);
  }

  /** The first match (or its first group when the pattern has groups); NULL when none. */
  public static String extract(Pattern p, String s) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return null;
    }
    return m.groupCount() > 0 ? m.group(1) : m.group();
  }

  public static long count(Pattern p, String s) {
    return count(p, s, 1);
  }

  /** Matches that begin at or after character position {@code start} (1-based). */
  public static long count(Pattern p, String s, long start) {
    if (start < 1) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "regexp_count start must be at least 1, got "
          + start);
    }
    int cps = s.codePointCount(0, s.length());
    if (start > cps + 1) {
      return 0;
    }
    Matcher m = p.matcher(s);
    int from = s.offsetByCodePoints(0, (int) start - 1);
    long n = 0;
    while (from <= s.length() && m.find(from)) {
      n++;
      from = m.end() == m.start() ? m.end() + 1 : m.end();
    }
    return n;
  }

  private static String javaReplacement(String r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < r.length() && Character.isDigit(r.charAt(i + 1))) {
        sb.append('$').append(r.charAt(++i));
      } else if (c == '\\' && i + 1 < r.length()) {
        sb.append("\\\\");
        i++;
        sb.setLength(sb.length() - 2);
        sb.append(Matcher.quoteReplacement(String.valueOf(r.charAt(i))));
      } else if (c == '$' && i + 1 < r.length() && Character.isDigit(r.charAt(i + 1))) {
        sb.append(c);
      } else {
        sb.append(Matcher.quoteReplacement(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
