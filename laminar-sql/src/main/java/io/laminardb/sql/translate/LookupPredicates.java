package io.laminardb.sql.translate;

import io.laminardb.core.lookup.LookupPredicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/** Conditions on a lookup join's table columns, as {@link LookupPredicate}s pushed into the table probe. */
final class LookupPredicates {
  private LookupPredicates() {}

  /** A filter Calc between the table scan and the join becomes pushed-down predicates. */
  static void fromTableFilter(RelNode right, List<LookupPredicate> predicates, List<RexNode> pushed) {
    if (!(right instanceof Calc calc)) {
      return;
    }
    RexProgram program = calc.getProgram();
    if (!program.isTrivial() && !program.projectsOnlyIdentity()) {
      throw JoinTranslator.unsupported("expressions over the table side of a lookup join; join the table itself");
    }
    if (program.getCondition() == null) {
      return;
    }
    RexBuilder rex = calc.getCluster().getRexBuilder();
    RexNode condition = RexUtil.expandSearch(rex, null, program.expandLocalRef(program.getCondition()));
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      LookupPredicate p = of(c, 0);
      if (p == null) {
        throw JoinTranslator.unsupported("the table condition " + c + " in a lookup join (comparisons of a table column with a"
            + " constant, IS [NOT] NULL and IN are supported)");
      }
      predicates.add(p);
      pushed.add(c);
    }
  }

  static boolean onlyRightSide(RexNode node, int leftWidth) {
    for (int i : RelOptUtil.InputFinder.bits(node)) {
      if (i < leftWidth) {
        return false;
      }
    }
    return true;
  }

  /** {@code col op literal} (either order), {@code col IS [NOT] NULL}, OR of equalities: columns minus offset. */
  static LookupPredicate of(RexNode node, int offset) {
    if (node instanceof RexInputRef ref && ref.getType().getSqlTypeName()
        == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN) {
      return new LookupPredicate(ref.getIndex() - offset, LookupPredicate.Op.EQ, List.of(1L));
    }
    if (node instanceof RexCall not && not.getKind() == SqlKind.NOT
        && not.getOperands().get(0) instanceof RexInputRef ref) {
      return new LookupPredicate(ref.getIndex() - offset, LookupPredicate.Op.EQ, List.of(0L));
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    SqlKind kind = call.getKind();
    if (kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) {
      int ref = JoinCondition.refOf(call.getOperands().get(0));
      return ref < 0 ? null : new LookupPredicate(ref - offset,
          kind == SqlKind.IS_NULL ? LookupPredicate.Op.IS_NULL : LookupPredicate.Op.IS_NOT_NULL, List.of());
    }
    if (kind == SqlKind.OR) {
      int column = -1;
      List<Object> values = new ArrayList<>();
      for (RexNode o : call.getOperands()) {
        LookupPredicate p = of(o, offset);
        if (p == null || p.op() != LookupPredicate.Op.EQ || column >= 0 && p.column() != column) {
          return null;
        }
        column = p.column();
        values.add(p.values().get(0));
      }
      return new LookupPredicate(column, LookupPredicate.Op.IN, values);
    }
    if (call.getOperands().size() != 2) {
      return null;
    }
    LookupPredicate.Op op = switch (kind) {
      case EQUALS -> LookupPredicate.Op.EQ;
      case NOT_EQUALS -> LookupPredicate.Op.NE;
      case LESS_THAN -> LookupPredicate.Op.LT;
      case LESS_THAN_OR_EQUAL -> LookupPredicate.Op.LE;
      case GREATER_THAN -> LookupPredicate.Op.GT;
      case GREATER_THAN_OR_EQUAL -> LookupPredicate.Op.GE;
      default -> null;
    };
    if (op == null) {
      return null;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    int ref = JoinCondition.refOf(a);
    Object value = literal(b);
    if (ref < 0 || value == null) {
      ref = JoinCondition.refOf(b);
      value = literal(a);
      op = flip(op);
    }
    if (ref < 0 || value == null) {
      return null;
    }
    return new LookupPredicate(ref - offset, op, List.of(value));
  }

  private static LookupPredicate.Op flip(LookupPredicate.Op op) {
    return switch (op) {
      case LT -> LookupPredicate.Op.GT;
      case LE -> LookupPredicate.Op.GE;
      case GT -> LookupPredicate.Op.LT;
      case GE -> LookupPredicate.Op.LE;
      default -> op;
    };
  }

  /** A literal in storage form (Long for exact integers, Double, String, BigDecimal), or null. */
  private static Object literal(RexNode node) {
    RexNode n = node;
    while (n instanceof RexCall c && c.getKind() == SqlKind.CAST) {
      n = c.getOperands().get(0);
    }
    if (!(n instanceof RexLiteral lit) || lit.isNull()) {
      return null;
    }
    return switch (lit.getType().getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> lit.getValueAs(Long.class);
      case DOUBLE, FLOAT, REAL -> lit.getValueAs(Double.class);
      case DECIMAL -> node.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DOUBLE
          ? lit.getValueAs(Double.class) : lit.getValueAs(BigDecimal.class);
      case CHAR, VARCHAR -> lit.getValueAs(String.class);
      case BOOLEAN -> Boolean.TRUE.equals(lit.getValueAs(Boolean.class)) ? 1L : 0L;
      default -> null;
    };
  }
}
