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
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "invalid regular expression '" + regex + "': "
          + e.getDescription());
    }
  }

  public static Pattern compileInsensitive(String regex) {
    try {
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "invalid regular expression '" + regex + "': "
          + e.getDescription());
    }
  }

  public static boolean matchesWhole(Pattern p, String s) {
    return p.matcher(s).matches();
  }

  public static boolean find(Pattern p, String s) {
    return p.matcher(s).find();
  }

  /** REGEXP_REPLACE(s, pattern, replacement): replaces every match; {@code \1} or {@code $1} groups. */
  public static String replaceAll(Pattern p, String s, String replacement) {
    return p.matcher(s).replaceAll(javaReplacement(replacement));
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
    Matcher m = p.matcher(s);
    long n = 0;
    while (m.find()) {
      n++;
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
