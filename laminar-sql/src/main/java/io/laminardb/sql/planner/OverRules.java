package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.tree.QueryText;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The OVER forms a continuous query may use (spec §11), checked on the validated SQL so each rejection points
 * at the offending text: supported functions, ORDER BY the event time, ROWS frames ending at the current
 * row, constant offsets, one PARTITION BY / ORDER BY per query, ranking bounded by an outer
 * {@code WHERE rank <= N}. The translator re-checks what only the plan shows.
 */
final class OverRules {
  private static final Set<String> FRAMED = Set.of("FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "SUM", "AVG",
      "MIN", "MAX", "COUNT", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP");
  private static final Set<String> RANKING = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK");

  private final QueryText query;
  private final RelationResolver resolver;
  /** Ranking calls an outer query bounds with {@code rank <= N}. */
  private final Set<SqlCall> bounded = Collections.newSetFromMap(new IdentityHashMap<>());

  private OverRules(QueryText query, RelationResolver resolver) {
    this.query = query;
    this.resolver = resolver;
  }

  static void check(SqlNode validated, QueryText query, RelationResolver resolver) {
    OverRules rules = new OverRules(query, resolver);
    validated.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
          rules.collectBounds(select);
          rules.checkSelect(select);
        }
        return super.visit(call);
      }
    });
  }

  private void collectBounds(SqlSelect outer) {
    SqlNode from = outer.getFrom();
    if (from != null && from.getKind() == SqlKind.AS) {
      from = ((SqlCall) from).operand(0);
    }
    if (!(from instanceof SqlSelect inner) || outer.getWhere() == null) {
      return;
    }
    Set<String> names = new java.util.HashSet<>();
    collectBoundNames(outer.getWhere(), names);
    for (SqlNode item : inner.getSelectList()) {
      if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(0).getKind() == SqlKind.OVER
          && names.contains(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple())) {
        bounded.add(((SqlCall) item).operand(0));
      }
    }
  }

  private static void collectBoundNames(SqlNode condition, Set<String> names) {
    if (!(condition instanceof SqlCall call)) {
      return;
    }
    if (call.getKind() == SqlKind.AND) {
      for (SqlNode operand : call.getOperandList()) {
        collectBoundNames(operand, names);
      }
      return;
    }
    if (call.operandCount() != 2) {
      return;
    }
    SqlNode a = call.operand(0);
    SqlNode b = call.operand(1);
    SqlKind kind = call.getKind();
    if (b instanceof SqlIdentifier && a instanceof SqlNumericLiteral) {
      SqlNode t = a;
      a = b;
      b = t;
      kind = kind.reverse();
    }
    if (a instanceof SqlIdentifier id && b instanceof SqlNumericLiteral literal) {
      long n = literal.longValue(false);
      boolean isBound = kind == SqlKind.LESS_THAN_OR_EQUAL || kind == SqlKind.LESS_THAN
          || (kind == SqlKind.EQUALS && n == 1);
      if (isBound) {
        names.add(id.names.get(id.names.size() - 1));
      }
    }
  }

  private void checkSelect(SqlSelect select) {
    SqlWindow first = null;
    for (SqlNode item : select.getSelectList()) {
      SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      List<SqlCall> overs = new java.util.ArrayList<>();
      collectOvers(expr, overs);
      for (SqlCall over : overs) {
        SqlWindow window = window(select, over.operand(1));
        checkOver(select, over, window);
        if (window == null) {
          continue;
        }
        if (first == null) {
          first = window;
        } else if (!sameList(first.getPartitionList(), window.getPartitionList())
            || !sameList(first.getOrderList(), window.getOrderList())) {
          throw error(ErrorCode.OVER_WINDOWS_DIFFER, "all OVER clauses of a query must use the same"
              + " PARTITION BY and ORDER BY", over.getParserPosition());
        }
      }
    }
  }

  private static void collectOvers(SqlNode node, List<SqlCall> overs) {
    if (!(node instanceof SqlCall call) || node instanceof SqlSelect) {
      return;
    }
    if (call.getKind() == SqlKind.OVER) {
      overs.add(call);
      return;
    }
    for (SqlNode operand : call.getOperandList()) {
      collectOvers(operand, overs);
    }
  }

  private static SqlWindow window(SqlSelect select, SqlNode reference) {
    if (reference instanceof SqlWindow w) {
      return w.getRefName() == null ? w : merged(select, w);
    }
    if (reference instanceof SqlIdentifier id) {
      for (SqlNode named : select.getWindowList()) {
        SqlWindow w = (SqlWindow) named;
        if (w.getDeclName() != null && w.getDeclName().getSimple().equals(id.getSimple())) {
          return w;
        }
      }
    }
    return null;
  }

  private static SqlWindow merged(SqlSelect select, SqlWindow w) {
    SqlWindow base = window(select, w.getRefName());
    return base == null ? w : base;
  }

  private void checkOver(SqlSelect select, SqlCall over, SqlWindow window) {
    SqlCall function = over.operand(0);
    String name = function.getOperator().getName().toUpperCase(Locale.ROOT);
    SqlParserPos at = function.getParserPosition();
    boolean isRanking = RANKING.contains(name);
    boolean isOffset = name.equals("LAG") || name.equals("LEAD");
    if (!isRanking && !isOffset && !FRAMED.contains(name)) {
      throw error(ErrorCode.OVER_FUNCTION_UNSUPPORTED, name + " is not supported with OVER; use LAG, LEAD,"
          + " FIRST_VALUE, LAST_VALUE, NTH_VALUE, SUM, AVG, MIN, MAX, COUNT or ROW_NUMBER/RANK/DENSE_RANK"
          + " with an outer WHERE rank <= N", at);
    }
    if (function.getFunctionQuantifier() != null
        && function.getFunctionQuantifier().getValue() == org.apache.calcite.sql.SqlSelectKeyword.DISTINCT) {
      throw error(ErrorCode.OVER_FUNCTION_UNSUPPORTED, name + "(DISTINCT ...) is not supported with OVER", at);
    }
    if (isRanking) {
      if (!bounded.contains(over)) {
        throw error(ErrorCode.TOP_N_BOUND_MISSING, name + " needs an outer WHERE rank <= N (a per-partition"
            + " top-N); unbounded ranking is not supported", at);
      }
      return;
    }
    if (isOffset && function.operandCount() > 1 && constant(function.operand(1)) == null) {
      throw error(ErrorCode.OVER_ARGUMENT_INVALID, name + " offset must be a constant between 0 and 100000", at);
    }
    if (isOffset && function.operandCount() > 1 && constant(function.operand(1)) < 0) {
      throw error(ErrorCode.OVER_ARGUMENT_INVALID, name + " offset must be a constant between 0 and 100000", at);
    }
    if (name.equals("NTH_VALUE") && (constant(function.operand(1)) == null || constant(function.operand(1)) < 1)) {
      throw error(ErrorCode.OVER_ARGUMENT_INVALID, "NTH_VALUE position must be a constant between 1 and"
          + " 100000", at);
    }
    if (window == null) {
      return;
    }
    checkOrder(select, over, window);
    if (!isOffset) {
      checkFrame(window);
    }
  }

  private void checkOrder(SqlSelect select, SqlCall over, SqlWindow window) {
    SqlNodeList order = window.getOrderList();
    if (order == null || order.isEmpty()) {
      throw orderInvalid(over.operand(1).getParserPosition());
    }
    SqlNode key = order.get(0);
    if (order.size() > 1) {
      throw orderInvalid(order.get(1).getParserPosition());
    }
    if (key.getKind() == SqlKind.NULLS_FIRST || key.getKind() == SqlKind.NULLS_LAST) {
      key = ((SqlCall) key).operand(0);
    }
    if (key.getKind() == SqlKind.DESCENDING || !(key instanceof SqlIdentifier id)) {
      throw orderInvalid(key.getParserPosition());
    }
    String eventTime = eventTimeOf(select);
    if (eventTime != null && !eventTime.equals(id.names.get(id.names.size() - 1))) {
      throw orderInvalid(key.getParserPosition());
    }
  }

  /** The WATERMARK column when the select reads one relation directly, else null (the plan decides). */
  private String eventTimeOf(SqlSelect select) {
    SqlNode from = select.getFrom();
    if (from != null && from.getKind() == SqlKind.AS) {
      from = ((SqlCall) from).operand(0);
    }
    if (!(from instanceof SqlIdentifier table)) {
      return null;
    }
    RelationResolver.Relation relation = resolver.find(table.names.get(table.names.size() - 1));
    return relation == null ? null : relation.eventTimeColumn();
  }

  private void checkFrame(SqlWindow window) {
    SqlNode lower = window.getLowerBound();
    SqlNode upper = window.getUpperBound();
    if (lower == null && upper == null) {
      return;
    }
    SqlParserPos at = lower != null ? lower.getParserPosition() : upper.getParserPosition();
    boolean isFollowingRows = upper != null && window.isRows() && upper.getKind() == SqlKind.FOLLOWING
        && constant(((SqlCall) upper).operand(0)) != null;
    if (upper != null && !SqlWindow.isCurrentRow(upper) && !isFollowingRows) {
      throw frameUnsupported(upper.getParserPosition());
    }
    boolean isUnbounded = lower != null && SqlWindow.isUnboundedPreceding(lower);
    if (!window.isRows() && !isUnbounded) {
      throw frameUnsupported(at);
    }
    if (lower != null && !isUnbounded && !SqlWindow.isCurrentRow(lower)
        && !(lower.getKind() == SqlKind.PRECEDING && constant(((SqlCall) lower).operand(0)) != null)) {
      throw frameUnsupported(at);
    }
  }

  private static Long constant(SqlNode node) {
    if (node instanceof SqlNumericLiteral literal && literal.isInteger()) {
      return literal.longValue(false);
    }
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS_PREFIX
        && call.operand(0) instanceof SqlNumericLiteral literal && literal.isInteger()) {
      return -literal.longValue(false);
    }
    return null;
  }

  private static boolean sameList(SqlNodeList a, SqlNodeList b) {
    return String.valueOf(a).equals(String.valueOf(b));
  }

  private LaminarException orderInvalid(SqlParserPos at) {
    return error(ErrorCode.OVER_ORDER_INVALID, "OVER (...) must ORDER BY the event-time column (the source's"
        + " WATERMARK column, ascending); rows of a stream are ordered by event time", at);
  }

  private LaminarException frameUnsupported(SqlParserPos at) {
    return error(ErrorCode.OVER_FRAME_UNSUPPORTED, "supported frames are ROWS BETWEEN n PRECEDING |"
        + " UNBOUNDED PRECEDING | CURRENT ROW AND CURRENT ROW | m FOLLOWING (the default is UNBOUNDED PRECEDING"
        + " AND CURRENT ROW); UNBOUNDED FOLLOWING, RANGE offsets and EXCLUDE are not supported", at);
  }

  private LaminarException error(ErrorCode code, String message, SqlParserPos at) {
    int[] where = query.rebase(at.getLineNum(), at.getColumnNum());
    return new LaminarException(code, message, where[0], where[1], null);
  }
}
