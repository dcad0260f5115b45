package io.laminardb.sql.planner;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.tree.QueryText;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Typing rules stricter than Calcite's: a character value is never compared with a number (spec §25:
 * VARCHAR never converts implicitly to numbers, LDB-1200).
 */
final class TypeRules {
  private TypeRules() {}

  static void check(RelNode rel, QueryText query) {
    rel.accept(new RelShuttleImpl() {
      @Override
      public RelNode visit(LogicalFilter filter) {
        checkExpression(filter.getCondition(), query);
        return super.visit(filter);
      }

      @Override
      public RelNode visit(LogicalProject project) {
        for (RexNode e : project.getProjects()) {
          checkExpression(e, query);
        }
        return super.visit(project);
      }

      @Override
      public RelNode visit(TableScan scan) {
        return scan;
      }
    });
  }

  private static void checkExpression(RexNode node, QueryText query) {
    node.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (call.getKind().belongsTo(org.apache.calcite.sql.SqlKind.COMPARISON)
            && call.getOperands().size() == 2) {
          var a = call.getOperands().get(0).getType();
          var b = call.getOperands().get(1).getType();
          boolean aText = SqlTypeFamily.CHARACTER.contains(a);
          boolean bText = SqlTypeFamily.CHARACTER.contains(b);
          boolean aNumber = SqlTypeFamily.NUMERIC.contains(a);
          boolean bNumber = SqlTypeFamily.NUMERIC.contains(b);
          if ((aText && bNumber) || (aNumber && bText)) {
            throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "cannot compare "
                + a.getSqlTypeName() + " with " + b.getSqlTypeName() + " in " + call
                + "; CAST one side explicitly", query.line(), query.column(), null);
          }
        }
        return super.visitCall(call);
      }
    });
  }
}
