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

  /**
   * Calcite accepts {@code varchar_column > 5} by inserting a cast; we reject comparisons between a
   * character operand and a numeric one when both are plain columns or literals (explicit CASTs pass).
   */
  static void checkComparisons(org.apache.calcite.sql.SqlNode validated, QueryText query,
      RelationResolver resolver) {
    validated.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlCall call) {
        if (call.getKind().belongsTo(org.apache.calcite.sql.SqlKind.COMPARISON)
            && call.operandCount() == 2) {
          Family a = family(call.operand(0), resolver);
          Family b = family(call.operand(1), resolver);
          if ((a == Family.TEXT && b == Family.NUMBER) || (a == Family.NUMBER && b == Family.TEXT)) {
            var pos = call.getParserPosition();
            int[] at = query.rebase(pos.getLineNum(), pos.getColumnNum());
            throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "cannot compare a "
                + (a == Family.TEXT ? "character" : "numeric") + " value with a "
                + (b == Family.TEXT ? "character" : "numeric") + " value in '" + call
                + "'; CAST one side explicitly", at[0], at[1], null);
          }
        }
        return super.visit(call);
      }
    });
  }

  private enum Family {
    TEXT,
    NUMBER,
    OTHER
  }

  private static Family family(org.apache.calcite.sql.SqlNode node, RelationResolver resolver) {
    if (node instanceof org.apache.calcite.sql.SqlCharStringLiteral) {
      return Family.TEXT;
    }
    if (node instanceof org.apache.calcite.sql.SqlNumericLiteral) {
      return Family.NUMBER;
    }
    if (node instanceof org.apache.calcite.sql.SqlIdentifier id && !id.isStar()) {
      String column = id.names.get(id.names.size() - 1);
      Family found = null;
      for (RelationResolver.Relation r : resolver.all()) {
        int i = r.schema().indexOf(column);
        if (i < 0) {
          continue;
        }
        var kind = r.schema().field(i).type().kind();
        Family f = kind == io.laminardb.core.type.TypeKind.VARCHAR ? Family.TEXT
            : kind.isNumeric() ? Family.NUMBER : Family.OTHER;
        if (found != null && found != f) {
          return Family.OTHER;
        }
        found = f;
      }
      return found == null ? Family.OTHER : found;
    }
    return Family.OTHER;
  }

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
