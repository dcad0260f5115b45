package io.laminardb.sql.parser;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.util.Map;

/** Replaces {@code ${NAME}} inside single-quoted SQL string literals with builder-supplied values. */
public final class ConfigVariables {
  private ConfigVariables() {}

  public static String substitute(String sql, Map<String, String> variables) {
    if (!sql.contains("${")) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    boolean inString = false;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      }
      if (c == '\'') {
        inString = !inString;
      }
      if (inString && c == '$' && i + 1 < sql.length() && sql.charAt(i + 1) == '{') {
        int close = sql.indexOf('}', i);
        if (close < 0) {
          break;
        }
        String name = sql.substring(i + 2, close);
        String value = variables.get(name);
        if (value == null) {
          throw new LaminarException(ErrorCode.UNRESOLVED_CONFIG_VAR, "config variable ${" + name
              + "} is not defined; set it with LaminarDB.builder().configVar(\"" + name + "\", ...)",
              line, i - lineStart + 1, null);
        }
        out.append(value.replace("'", "''"));
        i = close;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
