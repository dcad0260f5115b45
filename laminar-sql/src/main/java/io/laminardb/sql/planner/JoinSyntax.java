package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.parser.Lexer;
import io.laminardb.sql.parser.Token;
import io.laminardb.sql.translate.AsofClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Join spellings Calcite's parser lacks, rewritten in the query text before parsing (spec §10.2, §10.3):
 * <pre>
 *   l ASOF JOIN r ON l.k = r.k AND l.ts >= r.ts
 *       becomes  l ASOF JOIN r MATCH_CONDITION(l.ts >= r.ts) ON l.k = r.k
 *   MATCH_CONDITION(l.ts >= r.ts AND l.ts - r.ts <= tol)   (or ... TOLERANCE tol)
 *       becomes  MATCH_CONDITION(l.ts >= r.ts) with the tolerance kept aside
 *   MATCH_CONDITION(NEAREST(l.ts, r.ts))
 *       becomes  MATCH_CONDITION(l.ts >= r.ts) marked nearest
 *   [LEFT] JOIN r FOR SYSTEM_TIME AS OF l.ts [AS] a ON ...
 *       becomes  [LEFT] ASOF JOIN r [AS] a MATCH_CONDITION(l.ts >= a.version) ON ... marked temporal
 *   JOIN r FOR SYSTEM_TIME AS OF PROCTIME() | NOW() ...   (processing time: a lookup join)
 *       becomes  JOIN r ...
 * </pre>
 * The version column of a temporal join is the right side's WATERMARK column, else its column named like the
 * AS OF column, else its first TIMESTAMP (then BIGINT) column that is not compared with '=' in the ON clause. What Calcite cannot carry goes to
 * {@link AsofClause}s, one per ASOF join in text order.
 */
final class JoinSyntax {
  private static final Set<String> CLAUSE_END = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "ASOF",
      "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "EMIT", "WINDOW", "ALLOW", "LATE", "NATURAL");
  private static final Set<String> COMPARISONS = Set.of(">=", "<=", ">", "<");

  private JoinSyntax() {}

  record Result(String sql, List<AsofClause> clauses) {}

  static Result rewrite(String sql, RelationResolver resolver) {
    String upper = sql.toUpperCase(java.util.Locale.ROOT);
    if (!upper.contains("ASOF") && !upper.contains("SYSTEM_TIME")) {
      return new Result(sql, List.of());
    }
    List<Token> tokens = Lexer.tokenize(sql);
    List<AsofClause> clauses = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("ASOF") && i + 1 < tokens.size() && tokens.get(i + 1).is("JOIN")) {
        int onStart = skipTableRef(tokens, i + 2);
        Edit e = asof(sql, tokens, onStart, clauses);
        out.append(sql, copied, e.start).append(e.text);
        copied = e.end;
        i = e.lastToken;
      } else if (t.is("FOR") && i + 3 < tokens.size() && tokens.get(i + 1).is("SYSTEM_TIME")
          && tokens.get(i + 2).is("AS") && tokens.get(i + 3).is("OF")) {
        Edit e = temporal(sql, tokens, i, resolver, clauses);
        out.append(sql, copied, e.start).append(e.text);
        copied = e.end;
        i = e.lastToken;
      }
    }
    out.append(sql, copied, sql.length());
    return new Result(out.toString(), clauses);
  }

  /** Replace original characters [start, end) with text; scanning resumes after token lastToken. */
  private record Edit(int start, int end, String text, int lastToken) {}

  private static int skipTableRef(List<Token> tokens, int i) {
    int depth = 0;
    while (i < tokens.size() && tokens.get(i).kind() != Token.Kind.END) {
      Token t = tokens.get(i);
      if (depth == 0 && (t.is("MATCH_CONDITION") || t.is("ON"))) {
        return i;
      }
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
      i++;
    }
    throw error(tokens.get(Math.min(i, tokens.size() - 1)), "ASOF JOIN needs MATCH_CONDITION(...) or ON");
  }

  private static Edit asof(String sql, List<Token> tokens, int at, List<AsofClause> clauses) {
    int editStart = tokens.get(at).start();
    List<List<Token>> timeConjuncts = new ArrayList<>();
    long tolerance = Long.MAX_VALUE;
    int i = at;
    if (tokens.get(i).is("MATCH_CONDITION")) {
      int close = matching(tokens, i + 1);
      timeConjuncts.addAll(conjuncts(tokens, i + 2, close));
      i = close + 1;
      if (tokens.get(i).is("TOLERANCE")) {
        int[] parsed = new int[1];
        tolerance = millis(tokens, i + 1, parsed);
        i = parsed[0];
      }
    }
    if (!tokens.get(i).is("ON")) {
      throw error(tokens.get(i), "ASOF JOIN needs an ON clause with the equality keys");
    }
    int condEnd = clauseEnd(tokens, i + 1);
    List<List<Token>> keys = new ArrayList<>();
    for (List<Token> c : conjuncts(tokens, i + 1, condEnd)) {
      (isTimeConjunct(c) ? timeConjuncts : keys).add(c);
    }
    String direction = null;
    boolean nearest = false;
    for (List<Token> c : timeConjuncts) {
      if (c.get(0).is("NEAREST") && c.size() > 2 && c.get(1).isSymbol("(")) {
        int comma = indexOfSymbol(c, ",", 2);
        if (comma < 0 || !c.get(c.size() - 1).isSymbol(")")) {
          throw error(c.get(0), "NEAREST takes two columns: NEAREST(l.ts, r.ts)");
        }
        direction = text(sql, c.subList(2, comma)) + " >= " + text(sql, c.subList(comma + 1, c.size() - 1));
        nearest = true;
        continue;
      }
      int op = comparison(c);
      if (isColumn(c.subList(0, op)) && isColumn(c.subList(op + 1, c.size()))) {
        if (direction != null) {
          throw error(c.get(0), "ASOF JOIN takes one direction comparison (l.ts >= r.ts or l.ts <= r.ts)");
        }
        direction = text(sql, c);
      } else {
        tolerance = Math.min(tolerance, tolerance(c, op));
      }
    }
    if (direction == null) {
      throw error(tokens.get(at), "ASOF JOIN needs a time comparison such as MATCH_CONDITION(l.ts >= r.ts)");
    }
    if (keys.isEmpty()) {
      throw new LaminarException(ErrorCode.JOIN_KEY_MISSING, "ASOF JOIN needs an equality key: ON l.k = r.k",
          tokens.get(i).line(), tokens.get(i).column(), null);
    }
    clauses.add(new AsofClause(nearest, tolerance, false));
    StringBuilder text = new StringBuilder("MATCH_CONDITION(").append(direction).append(") ON ");
    for (int k = 0; k < keys.size(); k++) {
      text.append(k == 0 ? "" : " AND ").append(text(sql, keys.get(k)));
    }
    int editEnd = tokens.get(condEnd - 1).end();
    return new Edit(editStart, editEnd, text.toString(), condEnd - 1);
  }

  private static Edit temporal(String sql, List<Token> tokens, int forAt, RelationResolver resolver,
      List<AsofClause> clauses) {
    Token table = tokens.get(forAt - 1);
    int joinAt = forAt - 2;
    if (joinAt < 0 || !tokens.get(joinAt).is("JOIN") || !table.isIdentifier()) {
      throw error(tokens.get(forAt), "FOR SYSTEM_TIME AS OF follows the joined table: JOIN r FOR SYSTEM_TIME"
          + " AS OF s.ts");
    }
    boolean isLeft = joinAt >= 1 && (tokens.get(joinAt - 1).is("LEFT") || joinAt >= 2
        && tokens.get(joinAt - 1).is("OUTER") && tokens.get(joinAt - 2).is("LEFT"));
    int exprStart = forAt + 4;
    int i = exprStart;
    int depth = 0;
    while (i < tokens.size() && tokens.get(i).kind() != Token.Kind.END) {
      Token t = tokens.get(i);
      if (depth == 0 && (t.is("AS") || t.is("ON") || i > exprStart && t.isIdentifier()
          && !tokens.get(i - 1).isSymbol(".") && !t.isSymbol(".") && !tokens.get(i - 1).isSymbol("("))) {
        break;
      }
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
      i++;
    }
    List<Token> expr = tokens.subList(exprStart, i);
    if (expr.isEmpty()) {
      throw error(tokens.get(forAt), "FOR SYSTEM_TIME AS OF needs a time: the stream's event-time column");
    }
    String alias = table.text();
    int afterAlias = i;
    if (tokens.get(i).is("AS")) {
      alias = tokens.get(i + 1).text();
      afterAlias = i + 2;
    } else if (tokens.get(i).isIdentifier() && !tokens.get(i).is("ON")
        && !CLAUSE_END.contains(tokens.get(i).text().toUpperCase(java.util.Locale.ROOT))) {
      alias = tokens.get(i).text();
      afterAlias = i + 1;
    }
    String aliasText = afterAlias > i ? " AS " + quote(alias) : "";
    boolean isProcessingTime = expr.get(0).is("PROCTIME") || expr.get(0).is("NOW")
        || expr.get(0).is("CURRENT_TIMESTAMP");
    if (isProcessingTime) {
      // Processing-time lookup of the current version: an ordinary (lookup) join.
      return new Edit(tokens.get(forAt).start(), tokens.get(afterAlias - 1).end(), aliasText, afterAlias - 1);
    }
    RelationResolver.Relation relation = resolver.find(table.text());
    if (relation == null) {
      throw new LaminarException(ErrorCode.SQL_TABLE_NOT_FOUND, "no source, stream, view or table named '"
          + table.text() + "'", table.line(), table.column(), null);
    }
    String version = versionColumn(relation, expr.get(expr.size() - 1).text(),
        equalityColumns(tokens, afterAlias));
    if (version == null) {
      throw new LaminarException(ErrorCode.TEMPORAL_JOIN_NO_PK, "'" + table.text() + "' has no version column"
          + " for FOR SYSTEM_TIME AS OF: declare a WATERMARK or a TIMESTAMP column", table.line(),
          table.column(), null);
    }
    clauses.add(new AsofClause(false, Long.MAX_VALUE, true));
    int start = tokens.get(isLeft && tokens.get(joinAt - 1).is("LEFT") ? joinAt - 1
        : isLeft ? joinAt - 2 : joinAt).start();
    String text = (isLeft ? "LEFT " : "") + "ASOF JOIN " + quoted(table) + aliasText + " MATCH_CONDITION("
        + text(sql, expr) + " >= " + quote(alias) + "." + quote(version) + ")";
    return new Edit(start, tokens.get(afterAlias - 1).end(), text, afterAlias - 1);
  }

  private static String quoted(Token table) {
    return quote(table.text());
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Column names compared with '=' in the ON clause starting at {@code i} (for the version heuristic). */
  private static Set<String> equalityColumns(List<Token> tokens, int i) {
    Set<String> names = new java.util.HashSet<>();
    if (i >= tokens.size() || !tokens.get(i).is("ON")) {
      return names;
    }
    int end = clauseEnd(tokens, i + 1);
    for (int k = i + 1; k < end; k++) {
      if (tokens.get(k).isSymbol("=")) {
        names.add(tokens.get(k - 1).text());
        if (k + 1 < end) {
          names.add(tokens.get(k + 1).text());
        }
      }
    }
    return names;
  }

  private static String versionColumn(RelationResolver.Relation relation, String timeName,
      Set<String> keyColumns) {
    if (relation.eventTimeColumn() != null) {
      return relation.eventTimeColumn();
    }
    int sameName = relation.schema().indexOf(timeName);
    if (sameName >= 0 && relation.schema().field(sameName).type().storage() == TypeKind.Storage.LONG) {
      return timeName;
    }
    for (TypeKind kind : new TypeKind[] {TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ, TypeKind.BIGINT}) {
      for (Field f : relation.schema().fields()) {
        if (f.type().kind() == kind && !keyColumns.contains(f.name()) && !f.name().equals("__weight")) {
          return f.name();
        }
      }
    }
    return null;
  }

  private static boolean isTimeConjunct(List<Token> c) {
    return c.get(0).is("NEAREST") || comparison(c) >= 0;
  }

  /** Index of the depth-0 comparison operator of a conjunct, or -1. */
  private static int comparison(List<Token> c) {
    int depth = 0;
    for (int k = 0; k < c.size(); k++) {
      Token t = c.get(k);
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
      if (depth == 0 && t.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
        return k;
      }
    }
    return -1;
  }

  /** {@code x - y <= tol}, {@code x - y < tol}, {@code tol >= x - y} or {@code tol > x - y}: tol in ms. */
  private static long tolerance(List<Token> c, int op) {
    String symbol = c.get(op).text();
    List<Token> bound = symbol.startsWith("<") ? c.subList(op + 1, c.size()) : c.subList(0, op);
    List<Token> difference = symbol.startsWith("<") ? c.subList(0, op) : c.subList(op + 1, c.size());
    if (indexOfSymbol(difference, "-", 0) < 0) {
      throw error(c.get(0), "an ASOF tolerance reads l.ts - r.ts <= INTERVAL '5' SECOND");
    }
    int[] end = new int[1];
    long ms = millis(bound, 0, end);
    if (end[0] != bound.size()) {
      throw error(bound.get(0), "an ASOF tolerance must be a constant interval or number of milliseconds");
    }
    return symbol.length() == 1 ? ms - 1 : ms;
  }

  /** An INTERVAL literal or a number of ms starting at {@code i}; {@code end[0]} receives the next index. */
  private static long millis(List<Token> tokens, int i, int[] end) {
    Token t = tokens.get(i);
    if (t.is("INTERVAL")) {
      Token amount = tokens.get(i + 1);
      Token unit = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
      boolean hasUnit = unit != null && unit.kind() == Token.Kind.WORD && !unit.is("AND") && !unit.is("ON");
      end[0] = i + (hasUnit ? 3 : 2);
      try {
        return io.laminardb.sql.parser.Intervals.toMillis(amount.text(), hasUnit ? unit.text() : null);
      } catch (IllegalArgumentException e) {
        throw error(amount, e.getMessage());
      }
    }
    if (t.kind() == Token.Kind.NUMBER) {
      end[0] = i + 1;
      return Long.parseLong(t.text());
    }
    throw error(t, "expected a tolerance such as INTERVAL '5' SECOND");
  }

  private static boolean isColumn(List<Token> part) {
    if (part.isEmpty() || part.size() % 2 == 0) {
      return false;
    }
    for (int k = 0; k < part.size(); k++) {
      if (k % 2 == 0 ? !part.get(k).isIdentifier() : !part.get(k).isSymbol(".")) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfSymbol(List<Token> tokens, String symbol, int from) {
    int depth = 0;
    for (int k = from; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (depth == 0 && t.isSymbol(symbol)) {
        return k;
      }
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
    }
    return -1;
  }

  /** Index of the ')' closing the '(' at {@code open}. */
  private static int matching(List<Token> tokens, int open) {
    if (!tokens.get(open).isSymbol("(")) {
      throw error(tokens.get(open), "MATCH_CONDITION needs parentheses: MATCH_CONDITION(l.ts >= r.ts)");
    }
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      depth += tokens.get(k).isSymbol("(") ? 1 : tokens.get(k).isSymbol(")") ? -1 : 0;
      if (depth == 0) {
        return k;
      }
    }
    throw error(tokens.get(open), "unclosed MATCH_CONDITION(");
  }

  /** Index of the first token after the ON condition starting at {@code i}. */
  private static int clauseEnd(List<Token> tokens, int i) {
    int depth = 0;
    for (int k = i; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.kind() == Token.Kind.END || depth == 0 && (t.isSymbol(")") || t.isSymbol(";")
          || t.kind() == Token.Kind.WORD && CLAUSE_END.contains(t.text().toUpperCase(java.util.Locale.ROOT)))) {
        return k;
      }
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
    }
    return tokens.size();
  }

  /** The depth-0 AND-separated parts of tokens [from, to); BETWEEN's AND stays inside its conjunct. */
  private static List<List<Token>> conjuncts(List<Token> tokens, int from, int to) {
    List<List<Token>> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    boolean inBetween = false;
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
      if (depth == 0 && t.is("BETWEEN")) {
        inBetween = true;
      } else if (depth == 0 && t.is("AND")) {
        if (inBetween) {
          inBetween = false;
        } else {
          parts.add(tokens.subList(start, k));
          start = k + 1;
        }
      }
    }
    parts.add(tokens.subList(start, to));
    parts.removeIf(List::isEmpty);
    return parts;
  }

  private static String text(String sql, List<Token> part) {
    return sql.substring(part.get(0).start(), part.get(part.size() - 1).end());
  }

  private static LaminarException error(Token at, String message) {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, message, at.line(), at.column(), null);
  }
}
