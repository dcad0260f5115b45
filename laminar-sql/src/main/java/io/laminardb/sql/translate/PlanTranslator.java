package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.plan.CalcSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.plan.QueryPlan;
import io.laminardb.core.plan.ScanSpec;
import io.laminardb.core.plan.UnionSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.codegen.CalcCompiler;
import io.laminardb.sql.planner.TypeMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
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
  static final String WEIGHT = "__weight";

  private final CalcCompiler calcCompiler;
  private final StreamingOptions options;
  private boolean sawAggregate;

  /** One translator per query: it carries the query's streaming clauses. */
  public PlanTranslator(CalcCompiler calcCompiler, StreamingOptions options) {
    this.calcCompiler = calcCompiler;
    this.options = options;
  }

  /**
   * @param outputNames the query's column names as validated (the optimizer may drop a renaming projection,
   *     so the names are applied here)
   */
  public QueryPlan translate(RelNode rel, List<String> outputNames) {
    OperatorSpec root = visit(rel);
    if (!sawAggregate) {
      checkStatelessClauses();
      if (options.isChanges() && root.outputSchema().indexOf(WEIGHT) < 0) {
        root = appendUnitWeight(root, rel);
      }
    }
    Schema output = renamed(root.outputSchema(), outputNames);
    checkUniqueNames(output);
    return new QueryPlan(root, output);
  }

  private static Schema renamed(Schema schema, List<String> names) {
    List<Field> fields = new ArrayList<>(schema.fields());
    for (int i = 0; i < Math.min(names.size(), fields.size()); i++) {
      fields.set(i, new Field(names.get(i), fields.get(i).type()));
    }
    return new Schema(fields);
  }

  private void checkStatelessClauses() {
    if (options.emit() != null) {
      switch (options.emit().mode()) {
        case ON_WATERMARK, ON_WINDOW_CLOSE, FINAL -> throw new LaminarException(ErrorCode.WINDOW_INVALID,
            options.emit().sql() + " requires a windowed aggregation");
        case EVERY_INTERVAL -> throw new LaminarException(ErrorCode.WINDOW_INVALID,
            options.emit().sql() + " requires an aggregation");
        default -> { }
      }
    }
    if (options.allowedLatenessMillis() != null || options.lateDataTo() != null) {
      throw new LaminarException(ErrorCode.WINDOW_INVALID, "ALLOW LATENESS and LATE DATA TO require a"
          + " windowed aggregation");
    }
  }

  OperatorSpec visit(RelNode rel) {
    if (rel instanceof TableScan scan) {
      List<String> name = scan.getTable().getQualifiedName();
      return new ScanSpec(name.get(name.size() - 1), TypeMapping.schemaOf(scan.getRowType()));
    }
    if (rel instanceof Calc calc) {
      return calc(visit(calc.getInput()), calc, -1, null);
    }
    if (rel instanceof Union union) {
      if (!union.all) {
        throw unsupported("UNION without ALL (it needs unbounded state); use UNION ALL");
      }
      List<OperatorSpec> inputs = new ArrayList<>();
      for (RelNode in : union.getInputs()) {
        inputs.add(visit(in));
      }
      return new UnionSpec(inputs, inputs.get(0).outputSchema());
    }
    if (rel instanceof Aggregate aggregate) {
      sawAggregate = true;
      return new AggregateTranslator(this, options).translate(aggregate);
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

  /** The calc with projection {@code column} replaced by {@code replacement} (window call to its time). */
  OperatorSpec calcReplacing(Calc calc, int column, RexNode replacement,
      java.util.function.UnaryOperator<OperatorSpec> wrapInput) {
    return calc(wrapInput.apply(visit(calc.getInput())), calc, column, replacement);
  }

  private OperatorSpec calc(OperatorSpec input, Calc calc, int replacedColumn, RexNode replacement) {
    RexProgram program = calc.getProgram();
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    RexNode condition = null;
    if (program.getCondition() != null) {
      condition = RexUtil.expandSearch(rexBuilder, null, program.expandLocalRef(program.getCondition()));
    }
    List<RexNode> projections = new ArrayList<>();
    List<RexLocalRef> projectList = program.getProjectList();
    for (int i = 0; i < projectList.size(); i++) {
      RexNode expr = i == replacedColumn ? replacement : program.expandLocalRef(projectList.get(i));
      projections.add(RexUtil.expandSearch(rexBuilder, null, expr));
    }
    List<Field> outputFields = new ArrayList<>();
    for (int i = 0; i < projections.size(); i++) {
      String name = calc.getRowType().getFieldList().get(i).getName();
      outputFields.add(new Field(name, TypeMapping.fromRel(projections.get(i).getType())));
    }
    Schema inputSchema = input.outputSchema();
    RelDataType inputType = TypeMapping.toRel(inputSchema, rexBuilder.getTypeFactory());
    int weight = inputSchema.indexOf(WEIGHT);
    if (weight >= 0 && !containsName(outputFields, WEIGHT)) {
      // Rows of a changelog keep their weight through stateless operators (spec §6.3).
      projections.add(rexBuilder.makeInputRef(inputType.getFieldList().get(weight).getType(), weight));
      outputFields.add(inputSchema.field(weight));
    }
    return compile(input, inputType, condition, projections, new Schema(outputFields));
  }

  private OperatorSpec appendUnitWeight(OperatorSpec input, RelNode rel) {
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    Schema inputSchema = input.outputSchema();
    RelDataType inputType = TypeMapping.toRel(inputSchema, rexBuilder.getTypeFactory());
    List<RexNode> projections = new ArrayList<>();
    for (int i = 0; i < inputSchema.size(); i++) {
      projections.add(rexBuilder.makeInputRef(inputType.getFieldList().get(i).getType(), i));
    }
    projections.add(rexBuilder.makeBigintLiteral(java.math.BigDecimal.ONE));
    List<Field> fields = new ArrayList<>(inputSchema.fields());
    fields.add(new Field(WEIGHT, DataType.of(TypeKind.BIGINT).withNullable(false)));
    return compile(input, inputType, null, projections, new Schema(fields));
  }

  private OperatorSpec compile(OperatorSpec input, RelDataType inputType, RexNode condition,
      List<RexNode> projections, Schema output) {
    var kernel = calcCompiler.compile(input.outputSchema(), inputType, condition, projections, output);
    StringBuilder description = new StringBuilder("Calc: ");
    if (condition != null) {
      description.append("filter=").append(condition).append(", ");
    }
    description.append("project=").append(projections);
    return new CalcSpec(input, output, kernel, description.toString());
  }

  private static boolean containsName(List<Field> fields, String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return true;
      }
    }
    return false;
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
