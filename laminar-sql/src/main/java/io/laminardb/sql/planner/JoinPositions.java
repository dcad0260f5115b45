package io.laminardb.sql.planner;

import io.laminardb.sql.tree.QueryText;

/**
 * Where the n-th {@code JOIN} keyword of a query starts, so an error about a join points at it rather than
 * at the query's first character. Quoted strings, quoted identifiers and comments are skipped.
 */
final class JoinPositions {
  private JoinPositions() {}

  /** The script (line, column) of the 0-based {@code ordinal}-th JOIN keyword, or null when there is none. */
  static int[] of(QueryText query, int ordinal) {
    String sql = query.sql();
    int seen = 0;
    int line = 1;
    int column = 1;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = sql.indexOf(c, i + 1);
        end = end < 0 ? sql.length() - 1 : end;
        for (int j = i; j < end; j++) {
          if (sql.charAt(j) == '\n') {
            line++;
            column = 0;
          }
          column++;
        }
        i = end;
        column++;
        continue;
      }
      if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        if (end < 0) {
          return null;
        }
        i = end;
        line++;
        column = 1;
        continue;
      }
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (isKeywordAt(sql, i) && seen++ == ordinal) {
        return query.rebase(line, column);
      }
      column++;
    }
    return null;
  }

  private static boolean isKeywordAt(String sql, int i) {
    return sql.regionMatches(true, i, "JOIN", 0, 4) && (i == 0 || !isWordChar(sql.charAt(i - 1)))
        && (i + 4 >= sql.length() || !isWordChar(sql.charAt(i + 4)));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
