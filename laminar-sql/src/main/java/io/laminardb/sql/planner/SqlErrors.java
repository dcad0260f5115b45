package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.tree.QueryText;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/** Maps Calcite's parse and validation failures to LaminarDB error codes with script positions. */
final class SqlErrors {
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile(
      "Column '([^']+)' not found( in (any table|table '[^']+'))?");
  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("(Object|Table) '([^']+)' not found");

  private SqlErrors() {}

  static LaminarException parse(SqlParseException e, QueryText query, DialectSyntax.Rewrite text) {
    int line = e.getPos() == null ? 0 : e.getPos().getLineNum();
    int col = e.getPos() == null ? 0 : e.getPos().getColumnNum();
    int[] inner = text.toOriginal(line, col);
    int[] at = query.rebase(inner[0], inner[1]);
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    int cut = message.indexOf('\n');
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    message = message.replaceAll(" at line \\d+, column \\d+", "");
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, "syntax error: " + message, at[0], at[1], e);
  }

  static LaminarException validation(Throwable t, QueryText query, DialectSyntax.Rewrite text,
      Collection<String> knownColumns) {
    CalciteContextException context = find(t, CalciteContextException.class);
    String message = rootMessage(t);
    int[] inner = context == null ? null : text.toOriginal(context.getPosLine(), context.getPosColumn());
    int[] at = inner == null ? new int[] {query.line(), query.column()} : query.rebase(inner[0], inner[1]);
    ErrorCode code = classify(message);
    if (code == ErrorCode.SQL_COLUMN_NOT_FOUND) {
      Matcher m = COLUMN_NOT_FOUND.matcher(message);
      if (m.find()) {
        String suggestion = closest(m.group(1), knownColumns);
        message = "column '" + m.group(1) + "' not found"
            + (suggestion == null ? "" : ". Did you mean '" + suggestion + "'?");
      }
    } else if (code == ErrorCode.SQL_TABLE_NOT_FOUND) {
      Matcher m = OBJECT_NOT_FOUND.matcher(message);
      if (m.find()) {
        message = "no source, stream, view or table named '" + m.group(2) + "' (names are case-sensitive)";
      }
    }
    return new LaminarException(code, message, at[0], at[1], t);
  }

  private static ErrorCode classify(String message) {
    if (message.startsWith("Invalid number of arguments to function '$")
        || (message.contains("'$TUMBLE") || message.contains("'$HOP") || message.contains("'$SESSION"))
        && message.startsWith("Cannot apply")) {
      return ErrorCode.WINDOW_INVALID;
    }
    if (message.contains("Column '") && message.contains("not found")) {
      return ErrorCode.SQL_COLUMN_NOT_FOUND;
    }
    if (OBJECT_NOT_FOUND.matcher(message).find()) {
      return ErrorCode.SQL_TABLE_NOT_FOUND;
    }
    if (message.startsWith("No match found for function signature")) {
      return message.contains("(<") && !message.contains("()") ? functionOrType(message)
          : ErrorCode.SQL_UNKNOWN_FUNCTION;
    }
    if (message.startsWith("Cannot apply") || message.contains("Cannot infer return type")
        || message.contains("cannot be applied") || message.contains("Parameters must be of the same type")
        || message.startsWith("Cannot assign") || message.contains("incompatible")
        || message.startsWith("Cast function cannot convert") || message.contains("must be a condition")
        || message.startsWith("Illegal mixing of types") || message.startsWith("Type mismatch in column")
        || message.contains("must be of boolean type") || message.startsWith("Cannot compare")
        || message.startsWith("Invalid number of arguments to function")) {
      return ErrorCode.SQL_TYPE_MISMATCH;
    }
    return ErrorCode.SQL_PLANNING_FAILED;
  }

  /** Calcite says "No match found" both for unknown names and for known names with bad argument types. */
  private static ErrorCode functionOrType(String message) {
    return ErrorCode.SQL_UNKNOWN_FUNCTION;
  }

  static String rootMessage(Throwable t) {
    Throwable cur = t;
    String message = t.getMessage();
    while (cur != null) {
      if (cur.getMessage() != null) {
        message = cur.getMessage();
      }
      if (cur.getCause() == cur) {
        break;
      }
      cur = cur.getCause();
    }
    return message == null ? t.toString() : message;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    Throwable cur = t;
    while (cur != null) {
      if (type.isInstance(cur)) {
        return type.cast(cur);
      }
      cur = cur.getCause();
    }
    return null;
  }

  /** The known name within edit distance 2 of {@code name}, closest first; null when none. */
  static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      int d = distance(name.toLowerCase(), candidate.toLowerCase());
      if (candidate.equals(name)) {
        continue;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
