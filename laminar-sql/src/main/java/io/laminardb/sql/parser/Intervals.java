package io.laminardb.sql.parser;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.Locale;

/**
 * Interval literals of DDL clauses: {@code INTERVAL '5' SECOND}, {@code INTERVAL '5 seconds'},
 * {@code '100ms'}. Units: ms/millisecond(s), s/sec/second(s), m/min/minute(s), h/hour(s), d/day(s).
 */
public final class Intervals {
  private Intervals() {}

  /** Parses an interval at the cursor (with or without the INTERVAL keyword); returns milliseconds. */
  static long parse(TokenCursor cursor) {
    cursor.accept("INTERVAL");
    Token literal = cursor.peek();
    String amountText;
    if (literal.kind() == Token.Kind.STRING) {
      amountText = cursor.next().text().trim();
    } else if (literal.kind() == Token.Kind.NUMBER) {
      amountText = cursor.next().text();
    } else {
      throw cursor.error("expected an interval such as INTERVAL '5' SECOND but found "
          + TokenCursor.describe(literal));
    }
    String unit = null;
    Token unitToken = cursor.peek();
    if (unitToken.kind() == Token.Kind.WORD && unitMillis(unitToken.text()) > 0) {
      unit = cursor.next().text();
    }
    try {
      return toMillis(amountText, unit);
    } catch (IllegalArgumentException e) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, e.getMessage(), literal.line(),
          literal.column(), null);
    }
  }

  /** Converts {@code "5"} + {@code "SECOND"}, {@code "5 seconds"} or {@code "100ms"} to milliseconds. */
  public static long toMillis(String amountText, String unit) {
    String text = amountText.trim();
    String u = unit;
    if (u == null) {
      int split = 0;
      while (split < text.length() && (Character.isDigit(text.charAt(split)) || text.charAt(split) == '.'
          || text.charAt(split) == '-')) {
        split++;
      }
      u = text.substring(split).trim();
      text = text.substring(0, split).trim();
      if (u.isEmpty()) {
        u = "ms";
      }
    }
    long perUnit = unitMillis(u);
    if (perUnit <= 0) {
      throw new IllegalArgumentException("unknown interval unit '" + u
          + "'; use ms, second, minute, hour or day");
    }
    try {
      double amount = Double.parseDouble(text);
      return Math.round(amount * perUnit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid interval amount '" + amountText + "'");
    }
  }

  static long unitMillis(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "ms", "millisecond", "milliseconds", "msec" -> 1L;
      case "s", "sec", "secs", "second", "seconds" -> 1_000L;
      case "m", "min", "mins", "minute", "minutes" -> 60_000L;
      case "h", "hour", "hours" -> 3_600_000L;
      case "d", "day", "days" -> 86_400_000L;
      default -> -1L;
    };
  }
}
