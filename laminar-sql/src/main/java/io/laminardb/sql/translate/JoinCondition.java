package io.laminardb.sql.translate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * A join condition split into equality keys (left column = right column, through CASTs), time bounds
 * normalised to {@code right time >= / <= left time + offset} (BETWEEN, inequality pairs in either
 * orientation, strict forms 1 ms tighter, {@code ABS(l.ts - r.ts) <= X}) and the residual conjuncts.
 */
final class JoinCondition {
  /** {@code right time >= left time + offset} (a lower bound) or {@code <=} (an upper bound). */
  record Bound(long offset) {}

  final List<Integer> leftKeys = new ArrayList<>();
  final List<Integer> rightKeys = new ArrayList<>();
  final List<RexNode> keyConjuncts = new ArrayList<>();
  final List<RexNode> boundConjuncts = new ArrayList<>();
  final List<RexNode> residual = new ArrayList<>();
  Bound lower;
  Bound upper;
  int leftTime = -1;
  int rightTime = -1;

  private JoinCondition(RexNode condition, int leftWidth) {
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      if (c.isAlwaysTrue()) {
        continue;
      }
      if (!(c instanceof RexCall call) || call.getOperands().size() != 2 || !addKey(call, leftWidth)
          && !addBound(call, leftWidth)) {
        residual.add(c);
      }
    }
  }

  private boolean addKey(RexCall call, int leftWidth) {
    if (call.getKind() != SqlKind.EQUALS) {
      return false;
    }
    int a = refOf(call.getOperands().get(0));
    int b = refOf(call.getOperands().get(1));
    if (a < 0 || b < 0 || a < leftWidth == b < leftWidth) {
      return false;
    }
    leftKeys.add(Math.min(a, b));
    rightKeys.add(Math.max(a, b) - leftWidth);
    keyConjuncts.add(call);
    return true;
  }

  private boolean addBound(RexCall call, int leftWidth) {
    SqlKind kind = call.getKind();
    if (kind != SqlKind.GREATER_THAN_OR_EQUAL && kind != SqlKind.GREATER_THAN
        && kind != SqlKind.LESS_THAN_OR_EQUAL && kind != SqlKind.LESS_THAN) {
      return false;
    }
    if (addSymmetricBound(call, leftWidth)) {
      return true;
    }
    long[] a = timeTerm(call.getOperands().get(0));
    long[] b = timeTerm(call.getOperands().get(1));
    if (a == null || b == null || a[0] < leftWidth == b[0] < leftWidth) {
      return false;
    }
    // Normalise to: right OP left + offset.
    boolean rightFirst = a[0] >= leftWidth;
    long[] r = rightFirst ? a : b;
    long[] l = rightFirst ? b : a;
    SqlKind op = rightFirst ? kind : kind.reverse();
    long offset = l[1] - r[1];
    int lt = (int) l[0];
    int rt = (int) r[0] - leftWidth;
    if (leftTime >= 0 && (leftTime != lt || rightTime != rt)) {
      return false;
    }
    leftTime = lt;
    rightTime = rt;
    switch (op) {
      case GREATER_THAN_OR_EQUAL -> lower = tighter(lower, offset, true);
      case GREATER_THAN -> lower = tighter(lower, offset + 1, true);
      case LESS_THAN_OR_EQUAL -> upper = tighter(upper, offset, false);
      default -> upper = tighter(upper, offset - 1, false);
    }
    boundConjuncts.add(call);
    return true;
  }

  /** {@code ABS(l.ts - r.ts) <= X} (or {@code < X}, or {@code X >= ABS(...)}): the bound [-X, X]. */
  private boolean addSymmetricBound(RexCall call, int leftWidth) {
    SqlKind kind = call.getKind();
    RexNode abs = call.getOperands().get(0);
    RexNode limit = call.getOperands().get(1);
    if (kind == SqlKind.GREATER_THAN_OR_EQUAL || kind == SqlKind.GREATER_THAN) {
      abs = call.getOperands().get(1);
      limit = call.getOperands().get(0);
      kind = kind.reverse();
    }
    if (!(abs instanceof RexCall absCall) || !absCall.getOperator().getName().equalsIgnoreCase("ABS")
        || !(absCall.getOperands().get(0) instanceof RexCall minus) || minus.getKind() != SqlKind.MINUS) {
      return false;
    }
    Long x = millis(limit);
    int a = refOf(minus.getOperands().get(0));
    int b = refOf(minus.getOperands().get(1));
    if (x == null || a < 0 || b < 0 || a < leftWidth == b < leftWidth) {
      return false;
    }
    int lt = Math.min(a, b);
    int rt = Math.max(a, b) - leftWidth;
    if (leftTime >= 0 && (leftTime != lt || rightTime != rt)) {
      return false;
    }
    leftTime = lt;
    rightTime = rt;
    long bound = kind == SqlKind.LESS_THAN ? x - 1 : x;
    lower = tighter(lower, -bound, true);
    upper = tighter(upper, bound, false);
    boundConjuncts.add(call);
    return true;
  }

  private static Bound tighter(Bound current, long offset, boolean isLower) {
    if (current == null) {
      return new Bound(offset);
    }
    return new Bound(isLower ? Math.max(current.offset, offset) : Math.min(current.offset, offset));
  }

  /** {input, offset ms} for {@code col}, {@code col + c}, {@code col - c} (c an interval or integer). */
  private static long[] timeTerm(RexNode node) {
    RexNode n = node;
    while (n instanceof RexCall c && c.getKind() == SqlKind.CAST) {
      n = c.getOperands().get(0);
    }
    if (n instanceof RexInputRef ref) {
      return new long[] {ref.getIndex(), 0};
    }
    if (n instanceof RexCall call && call.getOperands().size() == 2
        && (call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)) {
      long[] base = timeTerm(call.getOperands().get(0));
      Long c = millis(call.getOperands().get(1));
      if (base == null || c == null) {
        return null;
      }
      base[1] += call.getKind() == SqlKind.PLUS ? c : -c;
      return base;
    }
    return null;
  }

  private static Long millis(RexNode node) {
    if (!(node instanceof RexLiteral lit) || lit.isNull()) {
      return null;
    }
    if (lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
        || lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.NUMERIC) {
      BigDecimal v = lit.getValueAs(BigDecimal.class);
      return v == null ? null : v.longValue();
    }
    return null;
  }

  static JoinCondition of(RexNode condition, int leftWidth) {
    return new JoinCondition(condition, leftWidth);
  }

  /** The input column a key operand reads: a reference, possibly under CASTs. -1 otherwise. */
  static int refOf(RexNode node) {
    RexNode n = node;
    while (n instanceof RexCall c && c.getKind() == SqlKind.CAST) {
      n = c.getOperands().get(0);
    }
    return n instanceof RexInputRef ref ? ref.getIndex() : -1;
  }
}
