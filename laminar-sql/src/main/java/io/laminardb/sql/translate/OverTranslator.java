package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.over.AnalyticFunction;
import io.laminardb.core.operator.over.AnalyticKind;
import io.laminardb.core.operator.over.RankKind;
import io.laminardb.core.operator.over.SortKey;
import io.laminardb.core.plan.AggregateOperatorSpec;
import io.laminardb.core.plan.AnalyticOperatorSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.plan.TopNOperatorSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.planner.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates Calcite's windowed aggregates (a {@link Window} made by ProjectToWindowRule) into analytic
 * operators (spec §11): LAG/LEAD/FIRST_VALUE/LAST_VALUE/NTH_VALUE and ROWS-frame aggregates over
 * {@code ORDER BY} the event time, and ranking functions bounded by an outer {@code WHERE rn <= N} into a
 * per-partition top-N.
 */
final class OverTranslator {
  private final PlanTranslator plans;
  private final StreamingOptions options;

  private OverTranslator(PlanTranslator plans, StreamingOptions options) {
    this.plans = plans;
    this.options = options;
  }

  /** The spec for {@code rel} when it is an OVER construct, else null. */
  static OperatorSpec translate(PlanTranslator plans, StreamingOptions options, RelNode rel) {
    OverTranslator over = new OverTranslator(plans, options);
    if (rel instanceof Calc calc && calc.getInput() instanceof Window window && rankKind(window) != null) {
      return over.topN(calc, window);
    }
    if (rel instanceof Sort sort && sort.fetch != null) {
      return over.limit(sort);
    }
    if (rel instanceof Window window) {
      if (rankKind(window) != null) {
        throw new LaminarException(ErrorCode.TOP_N_BOUND_MISSING, "ROW_NUMBER, RANK and DENSE_RANK need an"
            + " outer WHERE rank <= N (a per-partition top-N); unbounded ranking is not supported");
      }
      return over.analytic(window);
    }
    return null;
  }

  private static RankKind rankKind(Window window) {
    for (Window.Group group : window.groups) {
      for (Window.RexWinAggCall call : group.aggCalls) {
        switch (call.getKind()) {
          case ROW_NUMBER -> {
            return RankKind.ROW_NUMBER;
          }
          case RANK -> {
            return RankKind.RANK;
          }
          case DENSE_RANK -> {
            return RankKind.DENSE_RANK;
          }
          default -> { }
        }
      }
    }
    return null;
  }

  private OperatorSpec input(Window window) {
    OperatorSpec input = plans.visit(window.getInput());
    if (input.outputSchema().indexOf(PlanTranslator.WEIGHT) >= 0) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "OVER over a changelog stream (one with __weight)"
          + " is not supported yet");
    }
    return input;
  }

  // ---- top-N ----------------------------------------------------------------------------------------

  private OperatorSpec topN(Calc calc, Window window) {
    if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1) {
      throw new LaminarException(ErrorCode.OVER_FUNCTION_UNSUPPORTED, "a top-N query computes one ranking"
          + " function (ROW_NUMBER, RANK or DENSE_RANK) and no other OVER function");
    }
    Window.Group group = window.groups.get(0);
    RankKind kind = rankKind(window);
    int inputWidth = window.getInput().getRowType().getFieldCount();
    long limit = rankBound(calc, inputWidth);
    OperatorSpec input = input(window);
    if (isUpdating(input)) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "a top-N over an aggregate that updates its rows"
          + " (GROUP BY without a window, EMIT ON UPDATE or EVERY, or ALLOW LATENESS) is not supported yet:"
          + " each update would rank as a new row; rank windowed results emitted once per window instead");
    }
    Schema inputSchema = input.outputSchema();
    List<Field> fields = new ArrayList<>(inputSchema.fields());
    fields.add(new Field(window.getRowType().getFieldList().get(inputWidth).getName(),
        DataType.of(TypeKind.BIGINT).withNullable(false)));
    boolean isChanges = options.isChanges();
    if (isChanges) {
      fields.add(new Field(PlanTranslator.WEIGHT, DataType.of(TypeKind.BIGINT).withNullable(false)));
    }
    int[] partition = group.keys.toArray();
    List<RelFieldCollation> collations = group.orderKeys.getFieldCollations();
    SortKey[] sortKeys = sortKeys(collations);
    StringBuilder description = new StringBuilder("TopN: ").append(kind).append(" <= ").append(limit)
        .append(", partition=").append(names(inputSchema, partition)).append(", order=")
        .append(order(inputSchema, collations));
    description.append(isChanges ? ", changes" : ", upsert");
    OperatorSpec spec = new TopNOperatorSpec(input, new Schema(fields), partition, sortKeys, kind, limit,
        isChanges, true, description.toString());
    if (kind == RankKind.ROW_NUMBER) {
      // (partition, rn) names one rank position: keyed views hold the current top-N (spec §11.2).
      int[] key = java.util.Arrays.copyOf(partition, partition.length + 1);
      key[partition.length] = inputWidth;
      plans.keyBy(spec, key);
    }
    return plans.calcOver(spec, calc);
  }

  /**
   * {@code ORDER BY ... LIMIT N}: a global top-N without a rank column (spec §11.2). Its output is the set of
   * the N best rows so far, so it needs EMIT CHANGES: rows leaving the set are retracted.
   */
  private OperatorSpec limit(Sort sort) {
    if (sort.offset != null) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "OFFSET on a stream is not supported");
    }
    Long n = sort.fetch instanceof RexLiteral literal ? literal.getValueAs(Long.class) : null;
    if (n == null || n < 1 || n > 100_000) {
      throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, "LIMIT on a stream needs a constant between 1"
          + " and 100000");
    }
    if (!options.isChanges()) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "ORDER BY ... LIMIT on a stream needs EMIT CHANGES"
          + " (rows leave the top N and are retracted); for an upsert stream keyed by rank use"
          + " ROW_NUMBER() OVER (ORDER BY ...) with an outer WHERE rn <= N");
    }
    OperatorSpec input = plans.visit(sort.getInput());
    if (input.outputSchema().indexOf(PlanTranslator.WEIGHT) >= 0) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "ORDER BY ... LIMIT over a changelog stream (one"
          + " with __weight) is not supported yet");
    }
    if (isUpdating(input)) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "ORDER BY ... LIMIT over an aggregate that updates"
          + " its rows is not supported yet: each update would rank as a new row");
    }
    Schema inputSchema = input.outputSchema();
    List<Field> fields = new ArrayList<>(inputSchema.fields());
    fields.add(new Field(PlanTranslator.WEIGHT, DataType.of(TypeKind.BIGINT).withNullable(false)));
    SortKey[] keys = sortKeys(sort.getCollation().getFieldCollations());
    String description = "TopN: LIMIT " + n + ", order=" + order(inputSchema, sort.getCollation()
        .getFieldCollations()) + ", changes";
    return new TopNOperatorSpec(input, new Schema(fields), new int[0], keys, RankKind.ROW_NUMBER, n, true,
        false, description);
  }

  private static SortKey[] sortKeys(List<RelFieldCollation> collations) {
    SortKey[] keys = new SortKey[collations.size()];
    for (int i = 0; i < keys.length; i++) {
      RelFieldCollation c = collations.get(i);
      RelFieldCollation.NullDirection nulls = c.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
          ? c.direction.defaultNullDirection() : c.nullDirection;
      keys[i] = new SortKey(c.getFieldIndex(), c.direction.isDescending(),
          nulls == RelFieldCollation.NullDirection.FIRST);
    }
    return keys;
  }

  private static String order(Schema schema, List<RelFieldCollation> collations) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < collations.size(); i++) {
      RelFieldCollation c = collations.get(i);
      sb.append(i > 0 ? ", " : "").append(schema.field(c.getFieldIndex()).name())
          .append(c.direction.isDescending() ? " DESC" : "");
    }
    return sb.append(']').toString();
  }

  /** Whether {@code spec} may emit a row for the same key more than once (an upsert aggregate below). */
  private static boolean isUpdating(OperatorSpec spec) {
    if (spec instanceof AggregateOperatorSpec aggregate) {
      boolean isWindowed = aggregate.window() != null || aggregate.sessionGapMillis() > 0;
      EmitMode mode = aggregate.aggregate().emit();
      boolean isOnce = mode == EmitMode.FINAL || mode == EmitMode.ON_WINDOW_CLOSE
          || (mode == EmitMode.ON_WATERMARK && aggregate.allowedLatenessMillis() == 0);
      return !isWindowed || !isOnce;
    }
    for (OperatorSpec in : spec.inputs()) {
      if (isUpdating(in)) {
        return true;
      }
    }
    return false;
  }

  /** N of the outer {@code rank <= N} ({@code < N}, {@code = 1}); other conjuncts need EMIT CHANGES. */
  private long rankBound(Calc calc, int rankColumn) {
    RexProgram program = calc.getProgram();
    if (program.getCondition() == null) {
      throw missingBound();
    }
    RexNode condition = RexUtil.expandSearch(calc.getCluster().getRexBuilder(), null,
        program.expandLocalRef(program.getCondition()));
    long limit = -1;
    int others = 0;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      long bound = boundOf(conjunct, rankColumn);
      if (bound >= 0) {
        limit = limit < 0 ? bound : Math.min(limit, bound);
      } else {
        others++;
      }
    }
    if (limit < 0) {
      throw missingBound();
    }
    if (limit < 1) {
      throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, "the rank bound must be at least 1");
    }
    if (others > 0 && !options.isChanges()) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "predicates besides the rank bound of a top-N"
          + " query need EMIT CHANGES (an upsert stream cannot withdraw a rank position)");
    }
    return limit;
  }

  private static long boundOf(RexNode conjunct, int rankColumn) {
    if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
      return -1;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (isRank(b, rankColumn) && a instanceof RexLiteral) {
      RexNode t = a;
      a = b;
      b = t;
      kind = kind.reverse();
    }
    if (!isRank(a, rankColumn) || !(b instanceof RexLiteral literal)) {
      return -1;
    }
    Long value = literal.getValueAs(Long.class);
    if (value == null) {
      return -1;
    }
    return switch (kind) {
      case LESS_THAN_OR_EQUAL -> value;
      case LESS_THAN -> value - 1;
      case EQUALS -> value == 1 ? 1 : -1;
      default -> -1;
    };
  }

  private static boolean isRank(RexNode node, int rankColumn) {
    RexNode n = node;
    if (n instanceof RexCall cast && cast.getKind() == SqlKind.CAST) {
      n = cast.getOperands().get(0);
    }
    return n instanceof RexInputRef ref && ref.getIndex() == rankColumn;
  }

  private static LaminarException missingBound() {
    return new LaminarException(ErrorCode.TOP_N_BOUND_MISSING, "ROW_NUMBER, RANK and DENSE_RANK need an outer"
        + " WHERE rank <= N (a per-partition top-N); unbounded ranking is not supported");
  }

  // ---- LAG / LEAD / frames ----------------------------------------------------------------------------

  private OperatorSpec analytic(Window window) {
    Window.Group first = window.groups.get(0);
    for (Window.Group group : window.groups) {
      if (!group.keys.equals(first.keys) || !group.orderKeys.equals(first.orderKeys)) {
        throw new LaminarException(ErrorCode.OVER_WINDOWS_DIFFER, "all OVER clauses of a query must use the"
            + " same PARTITION BY and ORDER BY");
      }
    }
    int timeColumn = timeColumn(window, first);
    OperatorSpec input = input(window);
    Schema inputSchema = input.outputSchema();
    int inputWidth = inputSchema.size();
    List<Field> fields = new ArrayList<>(inputSchema.fields());
    List<AnalyticFunction> functions = new ArrayList<>();
    StringBuilder description = new StringBuilder("Analytic: partition=")
        .append(names(inputSchema, first.keys.toArray())).append(", order=")
        .append(inputSchema.field(timeColumn).name()).append(", functions=[");
    int position = inputWidth;
    for (Window.Group group : window.groups) {
      int preceding = framePreceding(window, group);
      for (Window.RexWinAggCall call : group.aggCalls) {
        var field = window.getRowType().getFieldList().get(position++);
        DataType type = TypeMapping.fromRel(field.getType());
        AnalyticFunction fn = function(window, call, preceding, type, inputSchema);
        functions.add(fn);
        fields.add(new Field(field.getName(), type));
        description.append(functions.size() > 1 ? ", " : "").append(fn.kind()).append('(')
            .append(fn.argumentColumn() < 0 ? "*" : inputSchema.field(fn.argumentColumn()).name());
        if (fn.offset() > 0) {
          description.append(", ").append(fn.offset());
        }
        description.append(')');
        if (fn.kind().isFramed() && fn.kind() != AnalyticKind.LAST_VALUE) {
          description.append(preceding < 0 ? " unbounded" : " " + preceding + " preceding");
        }
      }
    }
    description.append(']');
    return new AnalyticOperatorSpec(input, new Schema(fields), first.keys.toArray(), timeColumn, functions,
        description.toString());
  }

  /** The ORDER BY column: the event time of the input (spec §11.1), ascending. */
  private int timeColumn(Window window, Window.Group group) {
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    if (order.size() != 1 || order.get(0).direction.isDescending()) {
      throw orderInvalid();
    }
    int column = order.get(0).getFieldIndex();
    RelNode input = window.getInput();
    var type = input.getRowType().getFieldList().get(column).getType().getSqlTypeName();
    boolean isTimeType = switch (type) {
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, BIGINT, INTEGER -> true;
      default -> false;
    };
    String declared = declaredEventTime(input);
    String source = sourceColumn(input, column);
    if (!isTimeType || (declared != null && !declared.equals(source))) {
      throw orderInvalid();
    }
    return column;
  }

  private LaminarException orderInvalid() {
    return new LaminarException(ErrorCode.OVER_ORDER_INVALID, "OVER (...) must ORDER BY the event-time column"
        + " (the source's WATERMARK column, ascending); rows of a stream are ordered by event time");
  }

  /** The WATERMARK column of the scanned source under {@code input}, or null. */
  private String declaredEventTime(RelNode input) {
    TableScan scan = scanOf(input);
    if (scan == null) {
      return null;
    }
    List<String> name = scan.getTable().getQualifiedName();
    return plans.eventTimeColumnOf(name.get(name.size() - 1));
  }

  private static TableScan scanOf(RelNode input) {
    if (input instanceof TableScan scan) {
      return scan;
    }
    return input instanceof Calc calc && calc.getInput() instanceof TableScan scan ? scan : null;
  }

  /** The scanned column {@code column} of {@code input} passes through unchanged, or null. */
  private static String sourceColumn(RelNode input, int column) {
    if (input instanceof TableScan scan) {
      return scan.getRowType().getFieldNames().get(column);
    }
    if (input instanceof Calc calc && calc.getInput() instanceof TableScan scan) {
      RexProgram program = calc.getProgram();
      RexNode expr = program.expandLocalRef(program.getProjectList().get(column));
      if (expr instanceof RexInputRef ref) {
        return scan.getRowType().getFieldNames().get(ref.getIndex());
      }
    }
    return null;
  }

  /** Rows before the current row in the frame; -1 for UNBOUNDED PRECEDING. */
  private static int framePreceding(Window window, Window.Group group) {
    RexWindowBound lower = group.lowerBound;
    RexWindowBound upper = group.upperBound;
    if (!upper.isCurrentRow() || group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
      throw frameUnsupported();
    }
    if (lower.isUnbounded() && lower.isPreceding()) {
      return -1;
    }
    if (!group.isRows) {
      throw frameUnsupported();
    }
    if (lower.isCurrentRow()) {
      return 0;
    }
    if (!lower.isPreceding() || lower.getOffset() == null) {
      throw frameUnsupported();
    }
    Long n = constant(window, lower.getOffset());
    if (n == null || n < 0 || n > 100_000) {
      throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, "ROWS n PRECEDING needs a constant n between"
          + " 0 and 100000");
    }
    return n.intValue();
  }

  private static LaminarException frameUnsupported() {
    return new LaminarException(ErrorCode.OVER_FRAME_UNSUPPORTED, "supported frames are ROWS BETWEEN n"
        + " PRECEDING AND CURRENT ROW and UNBOUNDED PRECEDING AND CURRENT ROW (the default);"
        + " FOLLOWING, RANGE offsets and EXCLUDE are not supported");
  }

  private AnalyticFunction function(Window window, Window.RexWinAggCall call, int preceding, DataType type,
      Schema inputSchema) {
    String name = call.getOperator().getName();
    if (call.distinct || call.ignoreNulls) {
      throw new LaminarException(ErrorCode.OVER_FUNCTION_UNSUPPORTED, name
          + " with DISTINCT or IGNORE NULLS is not supported in OVER");
    }
    List<RexNode> operands = call.getOperands();
    int width = inputSchema.size();
    AnalyticKind kind = switch (call.getKind()) {
      case LAG -> AnalyticKind.LAG;
      case LEAD -> AnalyticKind.LEAD;
      case FIRST_VALUE -> AnalyticKind.FIRST_VALUE;
      case LAST_VALUE -> AnalyticKind.LAST_VALUE;
      case NTH_VALUE -> AnalyticKind.NTH_VALUE;
      case COUNT -> operands.isEmpty() ? AnalyticKind.COUNT_STAR : AnalyticKind.COUNT;
      case SUM -> AnalyticKind.SUM;
      case SUM0 -> AnalyticKind.SUM0;
      case MIN -> AnalyticKind.MIN;
      case MAX -> AnalyticKind.MAX;
      default -> throw new LaminarException(ErrorCode.OVER_FUNCTION_UNSUPPORTED, name + " is not supported"
          + " with OVER; use LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE, SUM, AVG, MIN, MAX, COUNT or"
          + " ROW_NUMBER/RANK/DENSE_RANK with WHERE rank <= N");
    };
    int argument = kind == AnalyticKind.COUNT_STAR ? -1 : column(operands.get(0), width, name);
    if (kind == AnalyticKind.SUM || kind == AnalyticKind.SUM0 || kind == AnalyticKind.MIN
        || kind == AnalyticKind.MAX) {
      var storage = inputSchema.field(argument).type().storage();
      if (storage == TypeKind.Storage.OBJECT || type.storage() == TypeKind.Storage.OBJECT) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, name + " OVER a "
            + inputSchema.field(argument).type().sql() + " column is not supported yet (numeric and"
            + " timestamp columns are)");
      }
    }
    int offset = 0;
    int defaultColumn = -1;
    Object defaultValue = null;
    if (kind == AnalyticKind.LAG || kind == AnalyticKind.LEAD) {
      offset = 1;
      if (operands.size() > 1) {
        Long n = constant(window, operands.get(1));
        if (n == null || n < 0 || n > 100_000) {
          throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, name + " offset must be a constant"
              + " between 0 and 100000");
        }
        offset = n.intValue();
      }
      if (operands.size() > 2) {
        RexNode d = operands.get(2);
        int index = ((RexInputRef) d).getIndex();
        if (index < width) {
          defaultColumn = index;
        } else {
          defaultValue = stored(window.constants.get(index - width), type, name);
        }
      }
      preceding = 0;
    } else if (kind == AnalyticKind.NTH_VALUE) {
      Long n = constant(window, operands.get(1));
      if (n == null || n < 1 || n > 100_000) {
        throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, "NTH_VALUE position must be a constant"
            + " between 1 and 100000");
      }
      offset = n.intValue();
    }
    return new AnalyticFunction(kind, argument, offset, preceding, defaultColumn, defaultValue, type);
  }

  private static int column(RexNode operand, int width, String function) {
    if (operand instanceof RexInputRef ref && ref.getIndex() < width) {
      return ref.getIndex();
    }
    throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, function + " needs a column or expression"
        + " argument, not a constant");
  }

  private static Long constant(Window window, RexNode node) {
    RexNode n = node;
    int width = window.getInput().getRowType().getFieldCount();
    if (n instanceof RexInputRef ref && ref.getIndex() >= width) {
      n = window.constants.get(ref.getIndex() - width);
    }
    if (n instanceof RexLiteral literal && !literal.isNull()) {
      return literal.getValueAs(Long.class);
    }
    return null;
  }

  /** A constant LAG/LEAD default in the storage form of the result type. */
  private static Object stored(RexLiteral literal, DataType type, String function) {
    if (literal.isNull()) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? 1L : 0L;
      case SMALLINT, INT, BIGINT -> literal.getValueAs(Long.class);
      case FLOAT, DOUBLE -> literal.getValueAs(Double.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case VARCHAR -> literal.getValueAs(String.class);
      default -> throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, function + " default must be a"
          + " column, a number, a boolean or a string");
    };
  }

  private static String names(Schema schema, int[] columns) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < columns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(schema.field(columns[i]).name());
    }
    return sb.append(']').toString();
  }
}
