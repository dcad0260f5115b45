package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.lookup.LookupSource;
import io.laminardb.core.operator.join.AsofDirection;
import io.laminardb.core.operator.join.JoinLayout;
import io.laminardb.core.operator.join.JoinType;
import io.laminardb.core.plan.AsofJoinSpec;
import io.laminardb.core.plan.IntervalJoinSpec;
import io.laminardb.core.plan.LookupJoinSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.planner.RelationResolver;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AsofJoin;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;

/**
 * Classifies a join of the logical plan (spec §1.4, §10) and builds its operator:
 * <ul>
 *   <li>the right side is a table (CREATE TABLE or LOOKUP TABLE): a lookup join on its primary key;
 *   <li>ASOF (and temporal joins, which the text rewrite turned into ASOF): an ASOF join;
 *   <li>two streams with a time bound {@code r.ts BETWEEN l.ts - X AND l.ts + Y} (or the same as two
 *       inequalities, in either orientation, inclusive or strict): an interval join;
 *   <li>two streams without a bound: rejected with LDB-3002 (unbounded state).
 * </ul>
 * JoinCondition that are neither keys nor bounds are residual: a filter over the output of an inner join,
 * pushed into the table probe of a lookup join when they read only table columns, rejected for outer joins.
 */
final class JoinTranslator {
  private static final String WEIGHT = "__weight";

  private final PlanTranslator plan;
  private final RelationResolver resolver;
  /** One per ASOF / FOR SYSTEM_TIME AS OF join, in the order of the query text. */
  private final List<AsofClause> asofClauses;

  JoinTranslator(PlanTranslator plan, RelationResolver resolver, List<AsofClause> asofClauses) {
    this.plan = plan;
    this.resolver = resolver;
    this.asofClauses = asofClauses;
  }

  OperatorSpec translate(Join join) {
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    String leftTable = tableName(join.getLeft());
    String rightTable = tableName(join.getRight());
    if (join instanceof AsofJoin asof) {
      return asof(asof, leftWidth, rightTable);
    }
    JoinCondition parts = JoinCondition.of(join.getCondition(), leftWidth);
    if (rightTable != null && leftTable != null) {
      throw unsupported("a join of two tables in a continuous query");
    }
    if (leftTable != null) {
      throw new LaminarException(ErrorCode.JOIN_TYPE_UNSUPPORTED, "put the stream first in a lookup join:"
          + " stream [LEFT] JOIN " + leftTable);
    }
    if (rightTable != null) {
      return lookup(join, parts, leftWidth, rightTable);
    }
    return interval(join, parts);
  }

  // ---- interval join ----

  private OperatorSpec interval(Join join, JoinCondition parts) {
    if (parts.lower == null || parts.upper == null) {
      throw new LaminarException(ErrorCode.JOIN_TIME_BOUND_MISSING, "a join of two streams needs a time bound"
          + " on both sides, such as ON a.k = b.k AND b.ts BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts +"
          + " INTERVAL '5' SECOND, or one side must be a table (unbounded state otherwise)");
    }
    requireKeys(parts);
    JoinType type = switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw new LaminarException(ErrorCode.JOIN_TYPE_UNSUPPORTED, join.getJoinType()
          + " interval joins are not supported");
    };
    if (!parts.residual.isEmpty() && type != JoinType.INNER) {
      throw unsupported("conditions other than keys and the time bound in an outer, semi or anti interval join ("
          + parts.residual + ")");
    }
    OperatorSpec left = plan.visit(join.getLeft());
    OperatorSpec right = plan.visit(join.getRight());
    boolean leftChanges = left.outputSchema().indexOf(WEIGHT) >= 0;
    boolean rightChanges = right.outputSchema().indexOf(WEIGHT) >= 0;
    if ((leftChanges || rightChanges) && type != JoinType.INNER) {
      throw unsupported("changelog input (EMIT CHANGES, __weight) to a " + type + " interval join (retractions"
          + " are supported for INNER interval joins)");
    }
    if (rightChanges && !leftChanges) {
      throw unsupported("changelog input (EMIT CHANGES, __weight) on the right side only of an interval join;"
          + " put the changelog stream on the left (the output weight is the left __weight column)");
    }
    JoinLayout layout = layout(type, left, right, parts, parts.leftTime, parts.rightTime);
    if (parts.lower.offset() > parts.upper.offset()) {
      throw new LaminarException(ErrorCode.JOIN_TIME_BOUND_MISSING, "the join's time bound is empty: the lower"
          + " bound lies above the upper bound");
    }
    OperatorSpec spec = new IntervalJoinSpec(left, right, layout, parts.lower.offset(), parts.upper.offset());
    return withResidual(spec, parts.residual, join.getCluster().getRexBuilder());
  }

  // ---- lookup join ----

  private OperatorSpec lookup(Join join, JoinCondition parts, int leftWidth, String table) {
    JoinType type = switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw new LaminarException(ErrorCode.JOIN_TYPE_UNSUPPORTED, join.getJoinType()
          + " JOIN with table '" + table + "': lookup joins are INNER or LEFT (or EXISTS / IN subqueries)");
    };
    boolean isLeft = type != JoinType.INNER;
    LookupSource source = resolver == null ? null : resolver.lookupSource(table);
    if (source == null) {
      throw new LaminarException(ErrorCode.TEMPORAL_JOIN_NO_PK, "table '" + table + "' has no primary key;"
          + " a lookup join probes a table by its primary key");
    }
    List<RexNode> residual = new ArrayList<>(parts.residual);
    residual.addAll(parts.boundConjuncts);
    int[] primaryKey = source.primaryKey();
    int[] streamKeys = new int[primaryKey.length];
    java.util.Arrays.fill(streamKeys, -1);
    for (int k = 0; k < parts.leftKeys.size(); k++) {
      int position = indexOf(primaryKey, parts.rightKeys.get(k));
      if (position >= 0 && streamKeys[position] < 0) {
        streamKeys[position] = parts.leftKeys.get(k);
      } else {
        residual.add(parts.keyConjuncts.get(k));
      }
    }
    for (int position = 0; position < primaryKey.length; position++) {
      if (streamKeys[position] < 0) {
        throw new LaminarException(ErrorCode.JOIN_KEY_MISSING, "a lookup join with '" + table + "' must equate"
            + " every primary key column; '" + source.schema().field(primaryKey[position]).name()
            + "' is not");
      }
    }
    List<LookupPredicate> predicates = new ArrayList<>();
    List<RexNode> pushed = new ArrayList<>();
    LookupPredicates.fromTableFilter(join.getRight(), predicates, pushed);
    List<RexNode> kept = new ArrayList<>();
    for (RexNode r : residual) {
      LookupPredicate p = LookupPredicates.onlyRightSide(r, leftWidth) ? LookupPredicates.of(r, leftWidth) : null;
      if (p != null) {
        predicates.add(p);
        pushed.add(r);
      } else {
        kept.add(r);
      }
    }
    if (!kept.isEmpty() && isLeft) {
      throw unsupported("conditions on stream columns besides the key in a " + type + " lookup join (" + kept
          + ")");
    }
    OperatorSpec stream = plan.visit(join.getLeft());
    Schema tableSchema = source.schema();
    for (int k = 0; k < primaryKey.length; k++) {
      checkSameStorage(stream.outputSchema(), streamKeys[k], tableSchema, primaryKey[k]);
    }
    List<LookupPredicate> restriction = List.copyOf(predicates);
    String tableName = table;
    int[] projection = tableColumnsRead(join, kept, leftWidth, tableSchema.size(), primaryKey);
    OperatorSpec spec = new LookupJoinSpec(stream, table, tableSchema,
        () -> resolver.lookupSource(tableName).restrict(restriction, projection), streamKeys, type,
        pushed.isEmpty() ? "" : pushed.toString(), -1);
    return withResidual(spec, kept, join.getCluster().getRexBuilder());
  }

  /**
   * The table columns a lookup join must fetch: those read above the join and by its residual conditions,
   * plus the key; null (all) when every column is read or the reader is unknown (another join, SELECT *).
   */
  private int[] tableColumnsRead(Join join, List<RexNode> residual, int leftWidth, int width, int[] key) {
    java.util.BitSet above = plan.columnsReadAbove(join);
    if (above == null) {
      return null;
    }
    java.util.BitSet read = new java.util.BitSet();
    above.stream().filter(c -> c >= leftWidth).forEach(c -> read.set(c - leftWidth));
    for (RexNode r : residual) {
      org.apache.calcite.plan.RelOptUtil.InputFinder.bits(r).stream().filter(c -> c >= leftWidth)
          .forEach(c -> read.set(c - leftWidth));
    }
    for (int k : key) {
      read.set(k);
    }
    return read.cardinality() >= width ? null : read.stream().toArray();
  }

  /** The input columns {@code calc} reads (its projections and condition). */
  static java.util.BitSet columnsRead(Calc calc) {
    RexProgram program = calc.getProgram();
    List<RexNode> used = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      used.add(program.expandLocalRef(ref));
    }
    if (program.getCondition() != null) {
      used.add(program.expandLocalRef(program.getCondition()));
    }
    return org.apache.calcite.plan.RelOptUtil.InputFinder.bits(used, null).toBitSet();
  }

  // ---- ASOF and temporal joins ----

  private static int asofJoinsIn(org.apache.calcite.rel.RelNode rel) {
    int n = rel instanceof AsofJoin ? 1 : 0;
    for (org.apache.calcite.rel.RelNode input : rel.getInputs()) {
      n += asofJoinsIn(input);
    }
    return n;
  }

  private OperatorSpec asof(AsofJoin join, int leftWidth, String rightTable) {
    // The clauses are in text order: the ASOF joins to the left of this one come first. Counting them, rather
    // than taking the next clause when a join is reached, keeps outer joins (translated first) from taking
    // their inner joins' clauses.
    int index = asofJoinsIn(join.getLeft());
    if (index >= asofClauses.size()) {
      throw new IllegalStateException("ASOF join " + index + " has no clause from the query text ("
          + asofClauses.size() + " found)");
    }
    AsofClause clause = asofClauses.get(index);
    if (rightTable != null && !clause.isTemporal()) {
      throw new LaminarException(ErrorCode.JOIN_TYPE_UNSUPPORTED, "ASOF JOIN needs a stream on the right ('"
          + rightTable + "' is a table); use a lookup join (JOIN " + rightTable + " ON ...) for the current"
          + " table rows, or FOR SYSTEM_TIME AS OF for its versions");
    }
    if (rightTable != null) {
      return temporalLookup(join, leftWidth, rightTable);
    }
    JoinCondition keys = JoinCondition.of(join.getCondition(), leftWidth);
    requireKeys(keys);
    if (!keys.residual.isEmpty() || keys.lower != null || keys.upper != null) {
      throw unsupported("conditions other than equality keys in the ON clause of an ASOF join");
    }
    JoinCondition match = JoinCondition.of(join.getMatchCondition(), leftWidth);
    JoinCondition.Bound bound = match.lower != null ? match.lower : match.upper;
    if (bound == null || match.lower != null && match.upper != null || bound.offset() != 0 && bound.offset() != 1
        && bound.offset() != -1) {
      throw unsupported("the ASOF match condition " + join.getMatchCondition()
          + "; write MATCH_CONDITION(l.ts >= r.ts), (l.ts <= r.ts) or NEAREST(l.ts, r.ts)");
    }
    // Bounds read "right time >= / <= left time + offset"; offset +-1 marks a strict comparison.
    boolean isBackward = bound == match.upper;
    boolean strict = bound.offset() != 0;
    AsofDirection direction = clause.isNearest() ? AsofDirection.NEAREST
        : isBackward ? AsofDirection.BACKWARD : AsofDirection.FORWARD;
    boolean keepsUnmatched = !clause.isTemporal() || join.getJoinType() == org.apache.calcite.rel.core.JoinRelType.LEFT_ASOF;
    OperatorSpec left = plan.visit(join.getLeft());
    OperatorSpec right = plan.visit(join.getRight());
    rejectChangelog(left, clause.isTemporal() ? "temporal join (left side)" : "ASOF join (left side)");
    if (!clause.isTemporal()) {
      rejectChangelog(right, "ASOF join");
    }
    JoinLayout layout = layout(JoinType.LEFT, left, right, keys, match.leftTime, match.rightTime);
    if (!keepsUnmatched) {
      layout = new JoinLayout(JoinType.INNER, layout.leftSchema(), layout.rightSchema(), layout.leftKeys(),
          layout.rightKeys(), layout.leftTime(), layout.rightTime());
    }
    return new AsofJoinSpec(left, right, layout, direction, strict && !clause.isNearest(),
        clause.toleranceMillis(), keepsUnmatched, right.outputSchema().indexOf(WEIGHT));
  }

  /** {@code JOIN table FOR SYSTEM_TIME AS OF s.ts}: probe the table's version valid at the row's time. */
  private OperatorSpec temporalLookup(AsofJoin join, int leftWidth, String table) {
    if (!(join.getRight() instanceof TableScan)) {
      throw unsupported("conditions on the table side of a temporal join");
    }
    JoinCondition keys = JoinCondition.of(join.getCondition(), leftWidth);
    requireKeys(keys);
    JoinCondition match = JoinCondition.of(join.getMatchCondition(), leftWidth);
    if (!keys.residual.isEmpty() || match.upper == null || match.upper.offset() != 0) {
      throw unsupported("conditions other than the key in a temporal join with table '" + table + "'");
    }
    io.laminardb.core.lookup.VersionedLookupSource source = resolver.versionedLookupSource(table,
        match.rightTime);
    if (source == null) {
      throw new LaminarException(ErrorCode.TEMPORAL_JOIN_NO_PK, "table '" + table + "' has no primary key;"
          + " a temporal join probes a table by its primary key");
    }
    int[] primaryKey = source.primaryKey();
    int[] streamKeys = new int[primaryKey.length];
    java.util.Arrays.fill(streamKeys, -1);
    for (int k = 0; k < keys.leftKeys.size(); k++) {
      int position = indexOf(primaryKey, keys.rightKeys.get(k));
      if (position < 0 || streamKeys[position] >= 0) {
        throw unsupported("equalities on columns other than the primary key in a temporal join with '" + table
            + "'");
      }
      streamKeys[position] = keys.leftKeys.get(k);
    }
    for (int position = 0; position < primaryKey.length; position++) {
      if (streamKeys[position] < 0) {
        throw new LaminarException(ErrorCode.JOIN_KEY_MISSING, "a temporal join with '" + table + "' must"
            + " equate every primary key column; '" + source.schema().field(primaryKey[position]).name()
            + "' is not");
      }
    }
    OperatorSpec stream = plan.visit(join.getLeft());
    checkTime(stream.outputSchema(), match.leftTime);
    for (int k = 0; k < primaryKey.length; k++) {
      checkSameStorage(stream.outputSchema(), streamKeys[k], source.schema(), primaryKey[k]);
    }
    JoinType type = join.getJoinType() == org.apache.calcite.rel.core.JoinRelType.LEFT_ASOF ? JoinType.LEFT
        : JoinType.INNER;
    return new LookupJoinSpec(stream, table, source.schema(), () -> source, streamKeys, type, "", match.leftTime);
  }

  // ---- shared ----

  private JoinLayout layout(JoinType type, OperatorSpec left, OperatorSpec right, JoinCondition parts, int leftTime,
      int rightTime) {
    int[] lk = toArray(parts.leftKeys);
    int[] rk = toArray(parts.rightKeys);
    for (int k = 0; k < lk.length; k++) {
      checkSameStorage(left.outputSchema(), lk[k], right.outputSchema(), rk[k]);
    }
    checkTime(left.outputSchema(), leftTime);
    checkTime(right.outputSchema(), rightTime);
    return new JoinLayout(type, left.outputSchema(), right.outputSchema(), lk, rk, leftTime, rightTime);
  }

  private static void checkTime(Schema schema, int column) {
    TypeKind kind = schema.field(column).type().kind();
    if (kind != TypeKind.TIMESTAMP && kind != TypeKind.TIMESTAMP_TZ && kind != TypeKind.BIGINT
        && kind != TypeKind.INT) {
      throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "join time column '"
          + schema.field(column).name() + "' must be a TIMESTAMP or BIGINT epoch milliseconds, not " + kind);
    }
  }

  private static void checkSameStorage(Schema a, int ca, Schema b, int cb) {
    if (a.field(ca).type().storage() != b.field(cb).type().storage()
        || a.field(ca).type().kind() == TypeKind.DECIMAL != (b.field(cb).type().kind() == TypeKind.DECIMAL)) {
      throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "join key '" + a.field(ca).name() + "' ("
          + a.field(ca).type() + ") and '" + b.field(cb).name() + "' (" + b.field(cb).type()
          + ") have different types; join keys are columns of one type (or lossless widenings)");
    }
  }

  private static void requireKeys(JoinCondition parts) {
    if (parts.leftKeys.isEmpty()) {
      throw new LaminarException(ErrorCode.JOIN_KEY_MISSING, "the join needs an equality key between the two"
          + " inputs: ON a.k = b.k");
    }
  }

  private static void rejectChangelog(OperatorSpec input, String what) {
    if (input.outputSchema().indexOf(WEIGHT) >= 0) {
      throw unsupported("changelog input (EMIT CHANGES, __weight) to an " + what);
    }
  }

  private OperatorSpec withResidual(OperatorSpec spec, List<RexNode> residual, RexBuilder rex) {
    if (residual.isEmpty()) {
      return spec;
    }
    return plan.filter(spec, RexUtil.composeConjunction(rex, residual), rex);
  }

  /** The table a join input reads directly (under at most a filter), or null for streams. */
  private String tableName(RelNode input) {
    RelNode n = input instanceof Calc c ? c.getInput() : input;
    if (!(n instanceof TableScan scan) || resolver == null) {
      return null;
    }
    List<String> qualified = scan.getTable().getQualifiedName();
    String name = qualified.get(qualified.size() - 1);
    RelationResolver.Relation r = resolver.find(name);
    boolean isTable = r != null && r.kind().toUpperCase(java.util.Locale.ROOT).contains("TABLE");
    return isTable || resolver.lookupSource(name) != null ? name : null;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }


  static LaminarException unsupported(String what) {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, what + " is not supported");
  }

}
