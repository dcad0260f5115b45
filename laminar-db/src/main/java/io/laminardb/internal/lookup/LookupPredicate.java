package io.laminardb.internal.lookup;

import java.util.List;
import java.util.Objects;

/**
 * One conjunct of a flat AND-ed filter on a lookup table's own columns, pushed to its source (spec §3.5:
 * {@code =, !=, <, <=, >, >=, IN, IS NULL, IS NOT NULL}). Values are in storage form. SQL semantics: a
 * comparison with NULL on either side is not true.
 *
 * @param column index into the lookup table's schema
 * @param values the right-hand side: one value, several for IN, none for the NULL tests
 */
public record LookupPredicate(int column, Op op, List<Object> values) {
  /** The pushable operators. */
  public enum Op {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), IN("IN"), IS_NULL("IS NULL"),
    IS_NOT_NULL("IS NOT NULL");

    private final String sql;

    Op(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }

  public LookupPredicate {
    Objects.requireNonNull(op);
    values = List.copyOf(values);
    int expected = switch (op) {
      case IS_NULL, IS_NOT_NULL -> 0;
      case IN -> -1;
      default -> 1;
    };
    if (expected >= 0 && values.size() != expected) {
      throw new IllegalArgumentException(op + " takes " + expected + " values, not " + values.size());
    }
  }

  public static LookupPredicate of(int column, Op op, Object value) {
    return new LookupPredicate(column, op, List.of(value));
  }

  /** Evaluates the predicate on a row in storage form, as the source would. */
  public boolean matches(Object[] row) {
    Object v = row[column];
    return switch (op) {
      case IS_NULL -> v == null;
      case IS_NOT_NULL -> v != null;
      case IN -> v != null && containsValue(v);
      default -> v != null && compare(op, v, values.get(0));
    };
  }

  private boolean containsValue(Object v) {
    for (Object candidate : values) {
      if (candidate != null && StoredValues.compare(v, candidate) == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean compare(Op op, Object left, Object right) {
    int c = StoredValues.compare(left, right);
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      default -> throw new IllegalStateException(op.name());
    };
  }
}
