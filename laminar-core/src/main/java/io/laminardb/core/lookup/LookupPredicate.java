package io.laminardb.core.lookup;

import java.util.List;
import java.util.Objects;

/**
 * One pushed-down conjunct over a lookup source's own columns: {@code column op value(s)}. Values are in
 * storage form. Only the flat forms below are pushed; OR, NOT and functions stay in the query.
 *
 * @param values one value for comparisons, the list for IN, empty for IS [NOT] NULL
 */
public record LookupPredicate(int column, Op op, List<Object> values) {
  /** The comparison applied to the row's column value. */
  public enum Op { EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL }

  public LookupPredicate {
    Objects.requireNonNull(op, "op");
    values = List.copyOf(values);
  }

  /** Whether {@code row} satisfies this predicate (SQL semantics: a comparison with NULL is not true). */
  public boolean test(Object[] row) {
    Object v = row[column];
    switch (op) {
      case IS_NULL:
        return v == null;
      case IS_NOT_NULL:
        return v != null;
      case IN:
        if (v == null) {
          return false;
        }
        for (Object candidate : values) {
          if (candidate != null && compare(v, candidate) == 0) {
            return true;
          }
        }
        return false;
      default:
        Object c = values.get(0);
        if (v == null || c == null) {
          return false;
        }
        int cmp = compare(v, c);
        return switch (op) {
          case EQ -> cmp == 0;
          case NE -> cmp != 0;
          case LT -> cmp < 0;
          case LE -> cmp <= 0;
          case GT -> cmp > 0;
          case GE -> cmp >= 0;
          default -> throw new IllegalStateException(op.toString());
        };
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.compare(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }
}
