package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.plan.CalcSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.plan.QueryPlan;
import io.laminardb.core.plan.ScanSpec;
import io.laminardb.core.plan.UnionSpec;
import io.laminardb.core.type.Schema;
import io.laminardb.sql.codegen.CalcCompiler;
import io.laminardb.sql.planner.TypeMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns an optimized logical plan into the physical operator specs of {@code core.plan}. One method per
 * relational operator; later operators (aggregates, windows, joins) add a case here.
 */
public final class PlanTranslator {
  private final CalcCompiler calcCompiler;

  public PlanTranslator(CalcCompiler calcCompiler) {
    this.calcCompiler = calcCompiler;
  }

  public QueryPlan translate(RelNode rel) {
    OperatorSpec root = visit(rel);
    Schema output = TypeMapping.schemaOf(rel.getRowType());
    checkUniqueNames(output);
    return new QueryPlan(root, output);
  }

  private OperatorSpec visit(RelNode rel) {
    if (rel instanceof TableScan scan) {
      List<String> name = scan.getTable().getQualifiedName();
      return new ScanSpec(name.get(name.size() - 1), TypeMapping.schemaOf(scan.getRowType()));
    }
    if (rel instanceof Calc calc) {
      return calc(calc);
    }
    if (rel instanceof Union union) {
      if (!union.all) {
        throw unsupported("UNION without ALL (it needs unbounded state); use UNION ALL");
      }
      List<OperatorSpec> inputs = new ArrayList<>();
      for (RelNode in : union.getInputs()) {
        inputs.add(visit(in));
      }
      return new UnionSpec(inputs, TypeMapping.schemaOf(union.getRowType()));
    }
    if (rel instanceof Aggregate) {
      throw unsupported("GROUP BY and aggregate functions in continuous queries");
    }
    if (rel instanceof Join) {
      throw unsupported("joins in continuous queries");
    }
    if (rel instanceof Sort) {
      throw unsupported("ORDER BY / LIMIT on an unbounded stream");
    }
    if (rel instanceof Values) {
      throw unsupported("a continuous query must read a source, stream or view;"
          + " a query over constants only");
    }
    throw unsupported("the relational operator " + rel.getRelTypeName() + " in continuous queries");
  }

  private OperatorSpec calc(Calc calc) {
    OperatorSpec input = visit(calc.getInput());
    RexProgram program = calc.getProgram();
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    RexNode condition = null;
    if (program.getCondition() != null) {
      condition = RexUtil.expandSearch(rexBuilder, null, program.expandLocalRef(program.getCondition()));
    }
    List<RexNode> projections = new ArrayList<>();
    for (RexLocalRef ref : program.getProjectList()) {
      projections.add(RexUtil.expandSearch(rexBuilder, null, program.expandLocalRef(ref)));
    }
    Schema inputSchema = input.outputSchema();
    Schema output = TypeMapping.schemaOf(calc.getRowType());
    var kernel = calcCompiler.compile(inputSchema, calc.getInput().getRowType(), condition, projections,
        output);
    StringBuilder description = new StringBuilder("Calc: ");
    if (condition != null) {
      description.append("filter=").append(condition).append(", ");
    }
    description.append("project=").append(projections);
    return new CalcSpec(input, output, kernel, description.toString());
  }

  private static void checkUniqueNames(Schema output) {
    Set<String> seen = new HashSet<>();
    for (String name : output.names()) {
      if (!seen.add(name)) {
        throw new LaminarException(ErrorCode.SQL_PLANNING_FAILED, "duplicate output column name '" + name
            + "'; give each select-list item a distinct alias");
      }
    }
  }

  private static LaminarException unsupported(String what) {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, what + " is not supported yet");
  }
}
