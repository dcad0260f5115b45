package io.laminardb.sql.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns {@code WHERE [NOT] EXISTS (SELECT ... FROM r WHERE <correlated condition>)} and
 * {@code WHERE x IN (SELECT y FROM r [WHERE ...])} conjuncts into SEMI and ANTI joins whose condition is the
 * subquery's condition over both inputs, so the join translator classifies them like any join (interval
 * bound, table side). Calcite's own decorrelation builds aggregates instead, which streams cannot evaluate.
 * Other subqueries are left alone (and rejected later).
 */
final class SubqueryJoins {
  private SubqueryJoins() {}

  static RelNode rewrite(RelNode rel) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof LogicalFilter filter && RexUtil.SubQueryFinder.find(filter.getCondition()) != null
            ? filter(filter) : visited;
      }
    });
  }

  private static RelNode filter(LogicalFilter filter) {
    RelNode input = filter.getInput();
    List<RexNode> rest = new ArrayList<>();
    RexBuilder rex = filter.getCluster().getRexBuilder();
    for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
      boolean negated = c.getKind() == SqlKind.NOT;
      RexNode inner = negated ? ((RexCall) c).getOperands().get(0) : c;
      RelNode joined = inner instanceof RexSubQuery sub && (sub.getKind() == SqlKind.EXISTS
          || sub.getKind() == SqlKind.IN) ? join(input, sub, negated, filter.getVariablesSet(), rex)
          : null;
      if (joined == null) {
        rest.add(c);
      } else {
        input = joined;
      }
    }
    if (input == filter.getInput()) {
      return filter;
    }
    return rest.isEmpty() ? input : LogicalFilter.create(input, RexUtil.composeConjunction(rex, rest));
  }

  private static RelNode join(RelNode left, RexSubQuery sub, boolean negated, Set<CorrelationId> variables,
      RexBuilder rex) {
    RelNode base = sub.rel;
    List<RexNode> keys = null;
    if (base instanceof LogicalProject project) {
      keys = project.getProjects();
      base = project.getInput();
    }
    RexNode condition = rex.makeLiteral(true);
    if (base instanceof LogicalFilter f) {
      condition = f.getCondition();
      base = f.getInput();
    }
    if (!RelOptUtil.getVariablesUsed(base).isEmpty() || RexUtil.SubQueryFinder.find(condition) != null) {
      return null;
    }
    int leftWidth = left.getRowType().getFieldCount();
    RexShuttle shift = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex() + leftWidth, ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable v && variables.contains(v.id)) {
          int i = access.getField().getIndex();
          return rex.makeInputRef(left.getRowType().getFieldList().get(i).getType(), i);
        }
        return super.visitFieldAccess(access);
      }
    };
    List<RexNode> conjuncts = new ArrayList<>();
    conjuncts.add(condition.accept(shift));
    RelNode probe = left;
    if (sub.getKind() == SqlKind.IN) {
      if (keys == null || keys.size() != sub.getOperands().size()) {
        return null;
      }
      if (negated) {
        probe = notInInput(left, sub.getOperands(), keys, rex);
      }
      for (int k = 0; k < keys.size(); k++) {
        conjuncts.add(rex.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS,
            sub.getOperands().get(k), keys.get(k).accept(shift)));
      }
    }
    return LogicalJoin.create(probe, base, List.of(), RexUtil.composeConjunction(rex, conjuncts), Set.of(),
        negated ? JoinRelType.ANTI : JoinRelType.SEMI);
  }

  /**
   * {@code x NOT IN (SELECT y ...)} as an ANTI join (SQL NULL semantics): a NULL {@code y} would make the
   * predicate UNKNOWN for every row, so {@code y} must be NOT NULL (otherwise NOT EXISTS says what is
   * meant); a NULL {@code x} compares UNKNOWN with every {@code y}, so its row is dropped before the join.
   * DECISION: also when the subquery has no rows (SQL says TRUE there), since a stream cannot know the
   * subquery stays empty.
   */
  private static RelNode notInInput(RelNode left, List<RexNode> values, List<RexNode> keys, RexBuilder rex) {
    for (RexNode key : keys) {
      if (key.getType().isNullable()) {
        throw new io.laminardb.common.error.LaminarException(io.laminardb.common.error.ErrorCode.SQL_UNSUPPORTED,
            "NOT IN over a nullable column (" + key + "): one NULL in the subquery makes it UNKNOWN for every"
                + " row; declare the column NOT NULL or write NOT EXISTS (SELECT ... WHERE y = x)");
      }
    }
    List<RexNode> notNull = new ArrayList<>();
    for (RexNode value : values) {
      if (value.getType().isNullable()) {
        notNull.add(rex.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_NULL, value));
      }
    }
    return notNull.isEmpty() ? left : LogicalFilter.create(left, RexUtil.composeConjunction(rex, notNull));
  }
}
