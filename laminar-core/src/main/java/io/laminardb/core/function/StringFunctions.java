package io.laminardb.core.function;

import java.util.Locale;

/** String functions (DataFusion semantics: 1-based positions, character counts). */
public final class StringFunctions {
  private StringFunctions() {}

  @SqlName("UPPER")
  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  @SqlName("LOWER")
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @SqlName({"CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH"})
  public static long charLength(String s) {
    return s.codePointCount(0, s.length());
  }

  @SqlName("||")
  public static String concat(String a, String b) {
    return a.concat(b);
  }

  /** SUBSTRING(s FROM start): 1-based; start below 1 counts from 1. */
  @SqlName({"SUBSTRING", "SUBSTR"})
  public static String substring(String s, long start) {
    int from = (int) Math.max(1, Math.min(start, (long) s.length() + 1)) - 1;
    return s.substring(from);
  }

  /** SUBSTRING(s FROM start FOR length), SQL semantics for start below 1. */
  @SqlName({"SUBSTRING", "SUBSTR"})
  public static String substring(String s, long start, long length) {
    if (length < 0) {
      throw new io.laminardb.common.error.LaminarException(
          io.laminardb.common.error.ErrorCode.QUERY_EXECUTION, "negative substring length " + length);
    }
    long end = start + length;
    long from = Math.max(start, 1);
    long to = Math.min(end, (long) s.length() + 1);
    if (to <= from) {
      return "";
    }
    return s.substring((int) from - 1, (int) to - 1);
  }

  /** TRIM([BOTH|LEADING|TRAILING] chars FROM s). */
  @SqlName("TRIM")
  public static String trim(String flag, String chars, String s) {
    int start = 0;
    int end = s.length();
    if (!flag.equals("TRAILING")) {
      while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
        start++;
      }
    }
    if (!flag.equals("LEADING")) {
      while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return s.substring(start, end);
  }

  @SqlName({"BTRIM"})
  public static String btrim(String s) {
    return trim("BOTH", " ", s);
  }

  @SqlName({"LTRIM"})
  public static String ltrim(String s) {
    return trim("LEADING", " ", s);
  }

  @SqlName({"RTRIM"})
  public static String rtrim(String s) {
    return trim("TRAILING", " ", s);
  }

  /** POSITION(sub IN s): 1-based, 0 when absent. */
  @SqlName({"POSITION", "STRPOS"})
  public static long position(String sub, String s) {
    return s.indexOf(sub) + 1;
  }

  @SqlName("REPLACE")
  public static String replace(String s, String from, String to) {
    return from.isEmpty() ? s : s.replace(from, to);
  }
}
