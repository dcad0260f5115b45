package io.laminardb.core.function;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.Locale;

/**
 * String functions with PostgreSQL/DataFusion semantics: positions and lengths count characters (Unicode
 * code points), not UTF-16 units, and start at 1. Every method allocates at most its result (plus, where
 * a result is assembled, one builder sized for it).
 */
public final class StringFunctions {
  /** Longest string LPAD, RPAD and REPEAT build, as PostgreSQL (about 1 GB); beyond it is LDB-7001. */
  static final long MAX_RESULT_LENGTH = 1L << 29;

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

  /** Bytes of the UTF-8 encoding, counted without encoding. */
  @SqlName("OCTET_LENGTH")
  public static long octetLength(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  @SqlName("OCTET_LENGTH")
  public static long octetLength(byte[] b) {
    return b.length;
  }

  @SqlName("BIT_LENGTH")
  public static long bitLength(String s) {
    return octetLength(s) * 8;
  }

  @SqlName("BIT_LENGTH")
  public static long bitLength(byte[] b) {
    return b.length * 8L;
  }

  @SqlName("||")
  public static String concat(String a, String b) {
    return a.concat(b);
  }

  /** SUBSTRING(s FROM start): 1-based; a start below 1 counts from 1. */
  @SqlName({"SUBSTRING", "SUBSTR"})
  public static String substring(String s, long start) {
    int count = s.codePointCount(0, s.length());
    long from = Math.max(1, Math.min(start, (long) count + 1)) - 1;
    return s.substring(s.offsetByCodePoints(0, (int) from));
  }

  /**
   * SUBSTRING(s FROM start FOR length) as in the SQL standard and PostgreSQL: characters at positions
   * {@code [start, start + length)} that exist, so {@code substr('hello', 0, 2)} is {@code 'h'}.
   */
  @SqlName({"SUBSTRING", "SUBSTR"})
  public static String substring(String s, long start, long length) {
    if (length < 0) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "negative substring length " + length
          + " not allowed");
    }
    int count = s.codePointCount(0, s.length());
    long from = Math.max(start, 1);
    long to = start > Long.MAX_VALUE - length ? Long.MAX_VALUE : start + length;
    to = Math.min(to, (long) count + 1);
    if (to <= from) {
      return "";
    }
    int begin = s.offsetByCodePoints(0, (int) from - 1);
    return s.substring(begin, s.offsetByCodePoints(begin, (int) (to - from)));
  }

  /** The first {@code n} characters; a negative {@code n} drops that many from the end. */
  @SqlName("LEFT")
  public static String left(String s, long n) {
    int count = s.codePointCount(0, s.length());
    return s.substring(0, s.offsetByCodePoints(0, kept(count, n)));
  }

  /** The last {@code n} characters; a negative {@code n} drops that many from the start. */
  @SqlName("RIGHT")
  public static String right(String s, long n) {
    int count = s.codePointCount(0, s.length());
    return s.substring(s.offsetByCodePoints(0, count - kept(count, n)));
  }

  private static int kept(int count, long n) {
    return (int) (n >= 0 ? Math.min(n, count) : Math.max(0, count + n));
  }

  @SqlName("LPAD")
  public static String lpad(String s, long length) {
    return pad(s, length, " ", true);
  }

  /** Pads on the left with {@code fill} (repeated) to {@code length} characters, or truncates. */
  @SqlName("LPAD")
  public static String lpad(String s, long length, String fill) {
    return pad(s, length, fill, true);
  }

  @SqlName("RPAD")
  public static String rpad(String s, long length) {
    return pad(s, length, " ", false);
  }

  @SqlName("RPAD")
  public static String rpad(String s, long length, String fill) {
    return pad(s, length, fill, false);
  }

  private static String pad(String s, long length, String fill, boolean left) {
    if (length <= 0) {
      return "";
    }
    checkLength(length);
    int count = s.codePointCount(0, s.length());
    if (count >= length) {
      return s.substring(0, s.offsetByCodePoints(0, (int) length));
    }
    if (fill.isEmpty()) {
      return s;
    }
    int missing = (int) length - count;
    StringBuilder sb = new StringBuilder(s.length() + missing * 2);
    if (!left) {
      sb.append(s);
    }
    int f = 0;
    for (int i = 0; i < missing; i++) {
      int cp = fill.codePointAt(f);
      sb.appendCodePoint(cp);
      f += Character.charCount(cp);
      if (f >= fill.length()) {
        f = 0;
      }
    }
    if (left) {
      sb.append(s);
    }
    return sb.toString();
  }

  /** Upper-cases the first letter or digit of every word and lower-cases the rest. */
  @SqlName("INITCAP")
  public static String initcap(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean alphanumeric = Character.isLetterOrDigit(cp);
      sb.appendCodePoint(!alphanumeric ? cp : inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
      inWord = alphanumeric;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  @SqlName("REVERSE")
  public static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  @SqlName("REPEAT")
  public static String repeat(String s, long times) {
    if (times <= 0 || s.isEmpty()) {
      return "";
    }
    checkLength(s.length() * Math.min(times, MAX_RESULT_LENGTH + 1));
    return s.repeat((int) times);
  }

  private static void checkLength(long length) {
    if (length > MAX_RESULT_LENGTH) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "requested string length " + length
          + " is too large (limit " + MAX_RESULT_LENGTH + ")");
    }
  }

  /**
   * The {@code n}-th field of {@code s} split at {@code delimiter}; negative {@code n} counts from the end,
   * a field past either end is the empty string and {@code n = 0} is an error.
   */
  @SqlName("SPLIT_PART")
  public static String splitPart(String s, String delimiter, long n) {
    if (n == 0) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "split_part field position must not be zero");
    }
    if (delimiter.isEmpty()) {
      return n == 1 || n == -1 ? s : "";
    }
    if (n > 0) {
      int start = 0;
      for (long field = 1; field < n; field++) {
        int at = s.indexOf(delimiter, start);
        if (at < 0) {
          return "";
        }
        start = at + delimiter.length();
      }
      int end = s.indexOf(delimiter, start);
      return s.substring(start, end < 0 ? s.length() : end);
    }
    int end = s.length();
    for (long field = -1; field > n; field--) {
      int at = s.lastIndexOf(delimiter, end - delimiter.length());
      if (at < 0) {
        return "";
      }
      end = at;
    }
    int at = end - delimiter.length() < 0 ? -1 : s.lastIndexOf(delimiter, end - delimiter.length());
    return s.substring(at < 0 ? 0 : at + delimiter.length(), end);
  }

  @SqlName({"STARTS_WITH", "STARTSWITH"})
  public static boolean startsWith(String s, String prefix) {
    return s.startsWith(prefix);
  }

  @SqlName({"ENDS_WITH", "ENDSWITH"})
  public static boolean endsWith(String s, String suffix) {
    return s.endsWith(suffix);
  }

  /** The code point of the first character; 0 for the empty string. */
  @SqlName("ASCII")
  public static long ascii(String s) {
    return s.isEmpty() ? 0 : s.codePointAt(0);
  }

  /** The character with code point {@code code}; 0 and values that are no character are errors. */
  @SqlName("CHR")
  public static String chr(long code) {
    if (code == 0) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "null character not permitted");
    }
    if (code < 0 || code > Character.MAX_CODE_POINT
        || (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE)) {
      throw new LaminarException(ErrorCode.QUERY_EXECUTION, "requested character " + code
          + " is not a valid code point");
    }
    return Character.toString((int) code);
  }

  /** TRIM([BOTH|LEADING|TRAILING] chars FROM s): removes any of {@code chars} from the chosen ends. */
  @SqlName("TRIM")
  public static String trim(String flag, String chars, String s) {
    int start = 0;
    int end = s.length();
    if (!flag.equals("TRAILING")) {
      while (start < end && chars.indexOf(s.codePointAt(start)) >= 0) {
        start += Character.charCount(s.codePointAt(start));
      }
    }
    if (!flag.equals("LEADING")) {
      while (end > start && chars.indexOf(s.codePointBefore(end)) >= 0) {
        end -= Character.charCount(s.codePointBefore(end));
      }
    }
    return s.substring(start, end);
  }

  @SqlName("BTRIM")
  public static String btrim(String s) {
    return trim("BOTH", " ", s);
  }

  @SqlName("BTRIM")
  public static String btrim(String s, String chars) {
    return trim("BOTH", chars, s);
  }

  @SqlName("LTRIM")
  public static String ltrim(String s) {
    return trim("LEADING", " ", s);
  }

  @SqlName("LTRIM")
  public static String ltrim(String s, String chars) {
    return trim("LEADING", chars, s);
  }

  @SqlName("RTRIM")
  public static String rtrim(String s) {
    return trim("TRAILING", " ", s);
  }

  @SqlName("RTRIM")
  public static String rtrim(String s, String chars) {
    return trim("TRAILING", chars, s);
  }

  /**
   * Replaces each character of {@code s} found in {@code from} by the character at the same position in
   * {@code to}, or deletes it when {@code to} is shorter.
   */
  @SqlName({"TRANSLATE", "TRANSLATE3"})
  public static String translate(String s, String from, String to) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int at = from.indexOf(cp);
      if (at < 0) {
        sb.appendCodePoint(cp);
        continue;
      }
      int index = from.codePointCount(0, at);
      if (index < to.codePointCount(0, to.length())) {
        sb.appendCodePoint(to.codePointAt(to.offsetByCodePoints(0, index)));
      }
    }
    return sb.toString();
  }

  /** POSITION(sub IN s): 1-based character position of the first occurrence, 0 when absent. */
  @SqlName({"POSITION", "STRPOS"})
  public static long position(String sub, String s) {
    int at = s.indexOf(sub);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  @SqlName("REPLACE")
  public static String replace(String s, String from, String to) {
    return from.isEmpty() ? s : s.replace(from, to);
  }

  /** Lower-case hexadecimal two's complement, like PostgreSQL's {@code to_hex(bigint)}. */
  @SqlName("TO_HEX")
  public static String toHex(long v) {
    return Long.toHexString(v);
  }

  @SqlName("TO_HEX")
  public static String toHex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }

  /** Lower-case hexadecimal MD5 digest of the UTF-8 bytes. */
  @SqlName("MD5")
  public static String md5(String s) {
    return Digests.md5Hex(s);
  }

  @SqlName("MD5")
  public static String md5(byte[] b) {
    return Digests.md5Hex(b);
  }
}
