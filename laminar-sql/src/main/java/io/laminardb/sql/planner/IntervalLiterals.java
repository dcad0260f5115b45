package io.laminardb.sql.planner;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites interval literals Calcite's grammar lacks into forms it has: {@code INTERVAL '250' MILLISECOND}
 * becomes {@code INTERVAL '0.250' SECOND}, and PostgreSQL's {@code INTERVAL '5 minutes'} becomes
 * {@code INTERVAL '5' MINUTE}.
 */
final class IntervalLiterals {
  private static final Pattern MILLIS = Pattern.compile(
      "(?i)\\bINTERVAL\\s+'\\s*(\\d+)\\s*'\\s+MILLISECONDS?\\b");
  private static final Pattern SINGLE_STRING = Pattern.compile(
      "(?i)\\bINTERVAL\\s+'\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|msec|milliseconds?|s|secs?|seconds?|m|mins?|minutes?"
          + "|h|hours?|d|days?)\\s*'");

  private IntervalLiterals() {}

  static String normalize(String sql) {
    if (sql.toUpperCase(Locale.ROOT).indexOf("INTERVAL") < 0) {
      return sql;
    }
    String out = replace(MILLIS.matcher(sql), m -> "INTERVAL '" + millisAsSeconds(m.group(1)) + "' SECOND");
    return replace(SINGLE_STRING.matcher(out), m -> {
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      String amount = m.group(1);
      return switch (unit.charAt(0)) {
        case 'd' -> "INTERVAL '" + amount + "' DAY";
        case 'h' -> "INTERVAL '" + amount + "' HOUR";
        case 's' -> "INTERVAL '" + amount + "' SECOND";
        default -> unit.startsWith("ms") || unit.startsWith("milli")
            ? "INTERVAL '" + millisAsSeconds(amount) + "' SECOND"
            : "INTERVAL '" + amount + "' MINUTE";
      };
    });
  }

  private static String millisAsSeconds(String millis) {
    return new BigDecimal(millis).movePointLeft(3).toPlainString();
  }

  private static String replace(Matcher m, java.util.function.Function<Matcher, String> replacement) {
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
