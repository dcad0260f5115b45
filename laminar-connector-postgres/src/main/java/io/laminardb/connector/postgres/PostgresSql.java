package io.laminardb.connector.postgres;

import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.lookup.LookupQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement text for lookups: the select list is the query's projection, the WHERE the key condition
 * AND-ed with the pushed predicates, all values as parameters. {@link #parameters} gives, in order, the
 * values and columns to bind after the key parameters.
 */
final class PostgresSql {
  private PostgresSql() {}

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String selectList(Schema schema, int[] columns) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(schema.field(columns[i]).name()));
    }
    return sb.toString();
  }

  /**
   * {@code SELECT cols FROM rel WHERE key = ANY(?) AND preds} for a single-column key; for a composite key
   * {@code WHERE (k1, k2) IN ((?, ?), ...)} with {@code keyCount} tuples. {@code keyCount = 0} gives a scan.
   */
  static String select(PostgresLookupConfig config, Schema schema, int[] primaryKey, int[] columns,
      LookupQuery query, int keyCount) {
    StringBuilder sb = new StringBuilder("SELECT ").append(selectList(schema, columns)).append(" FROM ")
        .append(config.relation());
    List<String> conditions = new ArrayList<>();
    if (keyCount > 0) {
      conditions.add(keyCondition(schema, primaryKey, keyCount));
    }
    for (LookupPredicate p : query.predicates()) {
      conditions.add(predicate(schema, p));
    }
    for (int i = 0; i < conditions.size(); i++) {
      sb.append(i == 0 ? " WHERE " : " AND ").append(conditions.get(i));
    }
    return sb.toString();
  }

  private static String keyCondition(Schema schema, int[] primaryKey, int keyCount) {
    if (primaryKey.length == 1) {
      return quote(schema.field(primaryKey[0]).name()) + " = ANY(?)";
    }
    StringBuilder tuple = new StringBuilder("(");
    StringBuilder placeholders = new StringBuilder("(");
    for (int k = 0; k < primaryKey.length; k++) {
      tuple.append(k == 0 ? "" : ", ").append(quote(schema.field(primaryKey[k]).name()));
      placeholders.append(k == 0 ? "?" : ", ?");
    }
    tuple.append(")");
    placeholders.append(")");
    StringBuilder sb = new StringBuilder(tuple).append(" IN (");
    for (int i = 0; i < keyCount; i++) {
      sb.append(i == 0 ? "" : ", ").append(placeholders);
    }
    return sb.append(")").toString();
  }

  private static String predicate(Schema schema, LookupPredicate p) {
    String column = quote(schema.field(p.column()).name());
    return switch (p.op()) {
      case EQ -> column + " = ?";
      case NE -> column + " <> ?";
      case LT -> column + " < ?";
      case LE -> column + " <= ?";
      case GT -> column + " > ?";
      case GE -> column + " >= ?";
      case IS_NULL -> column + " IS NULL";
      case IS_NOT_NULL -> column + " IS NOT NULL";
      case IN -> {
        if (p.values().isEmpty()) {
          yield "FALSE";
        }
        StringBuilder sb = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < p.values().size(); i++) {
          sb.append(i == 0 ? "?" : ", ?");
        }
        yield sb.append(")").toString();
      }
    };
  }

  /** The predicate parameters in statement order: {@code [column, value]} pairs. */
  static List<Object[]> parameters(LookupQuery query) {
    List<Object[]> out = new ArrayList<>();
    for (LookupPredicate p : query.predicates()) {
      for (Object v : p.values()) {
        out.add(new Object[] {p.column(), v});
      }
    }
    return out;
  }
}
