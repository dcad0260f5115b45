package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.over.RankKind;
import io.laminardb.core.operator.over.SortKey;
import io.laminardb.core.plan.AggregateOperatorSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.plan.TopNOperatorSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates ranking into per-partition top-N operators (spec §11.2): {@code ROW_NUMBER/RANK/DENSE_RANK}
 * in a Window under a Calc whose condition bounds the rank ({@code rn <= N}), and {@code ORDER BY ...
 * LIMIT N}.
 */
final class TopNTranslator {
  private final PlanTranslator plans;
  private final StreamingOptions options;

  TopNTranslator(PlanTranslator plans, StreamingOptions options) {
    this.plans = plans;
    this.options = options;
  }

  OperatorSpec topN(Calc calc, Window window, RankKind kind) {
    if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1) {
      throw new LaminarException(ErrorCode.OVER_FUNCTION_UNSUPPORTED, "a top-N query computes one ranking"
          + " function (ROW_NUMBER, RANK or DENSE_RANK) and no other OVER function");
    }
    Window.Group group = window.groups.get(0);
    int inputWidth = window.getInput().getRowType().getFieldCount();
    long limit = rankBound(calc, inputWidth);
    OperatorSpec input = OverTranslator.input(plans, window);
    int[] upsertKey = upsertKeyOf(input);
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
        .append(", partition=").append(OverTranslator.names(inputSchema, partition)).append(", order=")
        .append(order(inputSchema, collations));
    description.append(isChanges ? ", changes" : ", upsert");
    if (upsertKey != null) {
      description.append(", upsert input");
    }
    var expiry = plans.closing.expiry(input, partition);
    if (expiry != null) {
      description.append(", evict by watermark on ").append(inputSchema.field(partition[expiry.keyIndex()]).name());
    }
    OperatorSpec spec = new TopNOperatorSpec(input, new Schema(fields), partition, sortKeys, kind, limit,
        isChanges, true, upsertKey, expiry, description.toString());
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
  OperatorSpec limit(Sort sort) {
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
    int[] upsertKey = upsertKeyOf(input);
    Schema inputSchema = input.outputSchema();
    List<Field> fields = new ArrayList<>(inputSchema.fields());
    fields.add(new Field(PlanTranslator.WEIGHT, DataType.of(TypeKind.BIGINT).withNullable(false)));
    SortKey[] keys = sortKeys(sort.getCollation().getFieldCollations());
    String description = "TopN: LIMIT " + n + ", order=" + order(inputSchema, sort.getCollation()
        .getFieldCollations()) + ", changes";
    return new TopNOperatorSpec(input, new Schema(fields), new int[0], keys, RankKind.ROW_NUMBER, n, true,
        false, upsertKey, null, description);
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

  /**
   * The key of an input whose rows update earlier ones (an aggregate's upsert output), so a row replaces the
   * earlier row of its key; null for input where every row is new.
   */
  private int[] upsertKeyOf(OperatorSpec input) {
    if (!isUpdating(input)) {
      return null;
    }
    int[] key = plans.keyOf(input);
    if (key == null) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "a top-N over an aggregate that updates its rows"
          + " needs the aggregate's group key (and window start) in the ranked columns");
    }
    return key;
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

  static LaminarException missingBound() {
    return new LaminarException(ErrorCode.TOP_N_BOUND_MISSING, "ROW_NUMBER, RANK and DENSE_RANK need an outer"
        + " WHERE rank <= N (a per-partition top-N); unbounded ranking is not supported");
  }
}
