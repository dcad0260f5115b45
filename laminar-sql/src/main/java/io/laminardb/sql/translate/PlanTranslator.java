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
  /** Output columns that key each operator's rows (aggregates and projections of them). */
  private final java.util.Map<OperatorSpec, int[]> upsertKeys = new java.util.IdentityHashMap<>();
  private final java.util.Map<OperatorSpec, int[]> aggregateKeys = new java.util.IdentityHashMap<>();
  /** Window-bound columns, so analytic and top-N partitions keyed by them are evicted by watermark. */
  final ClosingColumns closing = new ClosingColumns();
  private int failedJoin = -1;
  /** The join output columns the Calc above a join reads (a lookup join fetches only those table columns). */
  private final java.util.Map<RelNode, java.util.BitSet> readAboveJoin = new java.util.IdentityHashMap<>();

  private final java.util.function.Function<String, String> eventTimeColumns;
  private io.laminardb.sql.planner.RelationResolver resolver;
  private List<AsofClause> asofClauses = List.of();

  /**
   * One translator per query: it carries the query's streaming clauses.
   *
   * @param eventTimeColumns source name to its WATERMARK column (null when none)
   */
  public PlanTranslator(CalcCompiler calcCompiler, StreamingOptions options,
      java.util.function.Function<String, String> eventTimeColumns) {
    this.calcCompiler = calcCompiler;
    this.options = options;
    this.eventTimeColumns = eventTimeColumns;
  }

  /**
   * The event-time column feeding {@code input} (a scan of a source with a WATERMARK, possibly under a
   * projection): its index in the translated input, appending it to the projection when needed. Returns
   * null when there is none.
   */
  OperatorSpecWithColumn withEventTime(RelNode input) {
    TableScan scan = input instanceof Calc c && c.getInput() instanceof TableScan s ? s
        : input instanceof TableScan s ? s : null;
    if (scan == null) {
      return null;
    }
    List<String> name = scan.getTable().getQualifiedName();
    String column = eventTimeColumns.apply(name.get(name.size() - 1));
    if (column == null) {
      return null;
    }
    int scanIndex = scan.getRowType().getFieldNames().indexOf(column);
    if (input instanceof TableScan) {
      return new OperatorSpecWithColumn(visit(input), scanIndex);
    }
    Calc calc = (Calc) input;
    OperatorSpec base = visit(calc.getInput());
    RexNode time = calc.getCluster().getRexBuilder().makeInputRef(
        scan.getRowType().getFieldList().get(scanIndex).getType(), scanIndex);
    OperatorSpec spec = calc(base, calc, -1, null, time);
    return new OperatorSpecWithColumn(spec, spec.outputSchema().size() - 1
        - (spec.outputSchema().indexOf(WEIGHT) >= 0 ? 1 : 0));
  }

  /** Gives the join translator the catalog (tables, lookup sources) and the ASOF clauses of the query text. */
  public PlanTranslator withJoins(io.laminardb.sql.planner.RelationResolver resolver, List<AsofClause> clauses) {
    this.resolver = resolver;
    this.asofClauses = List.copyOf(clauses);
    return this;
  }

  /** {@code input} filtered by {@code condition} over its own columns (a residual join condition). */
  OperatorSpec filter(OperatorSpec input, RexNode condition, RexBuilder rexBuilder) {
    Schema schema = input.outputSchema();
    RelDataType inputType = TypeMapping.toRel(schema, rexBuilder.getTypeFactory());
    List<RexNode> projections = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      projections.add(rexBuilder.makeInputRef(inputType.getFieldList().get(i).getType(), i));
    }
    return compile(input, inputType, RexUtil.expandSearch(rexBuilder, null, condition), projections, schema);
  }

  /** A translated operator and a column of its output. */
  record OperatorSpecWithColumn(OperatorSpec spec, int column) {}

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
    return new QueryPlan(root, output, upsertKeys.get(root), aggregateKeys.get(root));
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
    OperatorSpec over = OverTranslator.translate(this, options, rel);
    if (over != null) {
      return over;
    }
    if (rel instanceof Calc calc) {
      if (calc.getInput() instanceof Join) {
        readAboveJoin.put(calc.getInput(), JoinTranslator.columnsRead(calc));
      }
      return calc(visit(calc.getInput()), calc, -1, null);
    }
    if (rel instanceof Union union) {
      if (!union.all) {
        throw unsupported("UNION without ALL (it needs unbounded state); use UNION ALL");
      }
      Schema unionSchema = TypeMapping.schemaOf(union.getRowType());
      List<OperatorSpec> inputs = new ArrayList<>();
      for (RelNode in : union.getInputs()) {
        inputs.add(castTo(visit(in), union.getRowType(), unionSchema, union));
      }
      return new UnionSpec(inputs, unionSchema);
    }
    if (rel instanceof Aggregate aggregate) {
      sawAggregate = true;
      OperatorSpec spec = new AggregateTranslator(this, options).translate(aggregate);
      if (spec instanceof io.laminardb.core.plan.AggregateOperatorSpec a) {
        closing.aggregate(a);
        var layout = a.aggregate().layout();
        int[] key = java.util.Arrays.copyOf(layout.keyColumns(), layout.keyColumns().length
            + (layout.windowStartColumn() >= 0 ? 1 : 0));
        if (layout.windowStartColumn() >= 0) {
          key[key.length - 1] = layout.windowStartColumn();
        }
        upsertKeys.put(spec, key);
        aggregateKeys.put(spec, key);
      }
      return spec;
    }
    if (rel instanceof Join join) {
      try {
        return new JoinTranslator(this, resolver, asofClauses).translate(join);
      } catch (LaminarException e) {
        // The innermost failing join names the position; joins from EXISTS/IN subqueries have no keyword.
        if (failedJoin < 0 && join.getJoinType() != org.apache.calcite.rel.core.JoinRelType.SEMI
            && join.getJoinType() != org.apache.calcite.rel.core.JoinRelType.ANTI) {
          failedJoin = joinsBelow(join.getLeft());
        }
        throw e;
      }
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

  /** {@code calc} applied to an already translated input (OVER translation builds the input itself). */
  OperatorSpec calcOver(OperatorSpec input, Calc calc) {
    return calc(input, calc, -1, null);
  }

  /**
   * Which JOIN keyword of the query text (0-based, left-deep order) a translation error belongs to, or -1
   * when it came from elsewhere.
   */
  public int failedJoin() {
    return failedJoin;
  }

  private static int joinsBelow(RelNode rel) {
    int n = rel instanceof Join ? 1 : 0;
    for (RelNode input : rel.getInputs()) {
      n += joinsBelow(input);
    }
    return n;
  }

  /** The output columns of {@code join} the query reads above it, or null when unknown (all). */
  java.util.BitSet columnsReadAbove(RelNode join) {
    return readAboveJoin.get(join);
  }

  /** Declares the output columns of {@code spec} that key its rows (an upsert stream). */
  void keyBy(OperatorSpec spec, int[] key) {
    upsertKeys.put(spec, key);
  }

  /** The output columns keying the rows of {@code spec} (an upsert stream), or null. */
  int[] keyOf(OperatorSpec spec) {
    return upsertKeys.get(spec);
  }

  /** The WATERMARK column of the source {@code name}, or null. */
  String eventTimeColumnOf(String name) {
    return eventTimeColumns.apply(name);
  }

  /** The calc with projection {@code column} replaced by {@code replacement} (window call to its time). */
  OperatorSpec calcReplacing(Calc calc, int column, RexNode replacement,
      java.util.function.UnaryOperator<OperatorSpec> wrapInput) {
    return calc(wrapInput.apply(visit(calc.getInput())), calc, column, replacement, null);
  }

  private OperatorSpec calc(OperatorSpec input, Calc calc, int replacedColumn, RexNode replacement) {
    return calc(input, calc, replacedColumn, replacement, null);
  }

  /** {@code extra}, when given, is appended as one more output column (before any __weight). */
  private OperatorSpec calc(OperatorSpec input, Calc calc, int replacedColumn, RexNode replacement,
      RexNode extra) {
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
    if (extra != null) {
      projections.add(extra);
      outputFields.add(new Field("$event_time", TypeMapping.fromRel(extra.getType())));
    }
    Schema inputSchema = input.outputSchema();
    RelDataType inputType = TypeMapping.toRel(inputSchema, rexBuilder.getTypeFactory());
    int weight = inputSchema.indexOf(WEIGHT);
    if (weight >= 0 && !containsName(outputFields, WEIGHT)) {
      // Rows of a changelog keep their weight through stateless operators (spec §6.3).
      projections.add(rexBuilder.makeInputRef(inputType.getFieldList().get(weight).getType(), weight));
      outputFields.add(inputSchema.field(weight));
    }
    OperatorSpec spec = compile(input, inputType, condition, projections, new Schema(outputFields));
    closing.projection(input, spec, projections);
    int[] inputKey = upsertKeys.get(input);
    if (inputKey != null) {
      int[] key = new int[inputKey.length];
      for (int k = 0; k < inputKey.length; k++) {
        key[k] = -1;
        for (int j = 0; j < projections.size(); j++) {
          if (keyColumnOf(projections.get(j)) == inputKey[k]) {
            key[k] = j;
            break;
          }
        }
        if (key[k] < 0) {
          return spec;
        }
      }
      upsertKeys.put(spec, key);
      aggregateKeys.put(spec, aggregateKeys.get(input));
    }
    return spec;
  }

  /**
   * The input column a projection passes through unchanged in identity: a plain reference, or a lossless
   * CAST of one (an integer or timestamp widened to BIGINT or TIMESTAMP, as in
   * {@code CAST(tumble(ts, ...) AS BIGINT)}), so the upsert key survives it; -1 otherwise.
   */
  private static int keyColumnOf(RexNode projection) {
    if (projection instanceof org.apache.calcite.rex.RexInputRef ref) {
      return ref.getIndex();
    }
    if (projection instanceof org.apache.calcite.rex.RexCall call && call.getKind() == org.apache.calcite.sql.SqlKind.CAST
        && call.getOperands().get(0) instanceof org.apache.calcite.rex.RexInputRef ref
        && isIdentityPreserving(ref.getType(), call.getType())) {
      return ref.getIndex();
    }
    return -1;
  }

  private static boolean isIdentityPreserving(RelDataType from, RelDataType to) {
    var source = from.getSqlTypeName();
    var target = to.getSqlTypeName();
    boolean widenable = switch (source) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
      default -> false;
    };
    boolean wide = switch (target) {
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
      default -> false;
    };
    return widenable && wide && !(source == org.apache.calcite.sql.type.SqlTypeName.DATE
        && target == org.apache.calcite.sql.type.SqlTypeName.BIGINT);
  }

  /** Widens an input of UNION ALL to the union's column types (INT to BIGINT and the like). */
  private OperatorSpec castTo(OperatorSpec input, RelDataType target, Schema targetSchema, RelNode rel) {
    Schema inputSchema = input.outputSchema();
    boolean same = true;
    for (int i = 0; i < inputSchema.size(); i++) {
      same &= inputSchema.field(i).type().sameTypeAs(targetSchema.field(i).type());
    }
    if (same) {
      return input;
    }
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    RelDataType inputType = TypeMapping.toRel(inputSchema, rexBuilder.getTypeFactory());
    List<RexNode> projections = new ArrayList<>();
    for (int i = 0; i < inputSchema.size(); i++) {
      RexNode ref = rexBuilder.makeInputRef(inputType.getFieldList().get(i).getType(), i);
      RelDataType to = target.getFieldList().get(i).getType();
      projections.add(inputSchema.field(i).type().sameTypeAs(targetSchema.field(i).type()) ? ref
          : rexBuilder.makeCast(to, ref));
    }
    return compile(input, inputType, null, projections, targetSchema);
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
