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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AsofJoin;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Classifies a join of the logical plan (spec §1.4, §10) and builds its operator:
 * <ul>
 *   <li>the right side is a table (CREATE TABLE or LOOKUP TABLE): a lookup join on its primary key;
 *   <li>ASOF (and temporal joins, which the text rewrite turned into ASOF): an ASOF join;
 *   <li>two streams with a time bound {@code r.ts BETWEEN l.ts - X AND l.ts + Y} (or the same as two
 *       inequalities, in either orientation, inclusive or strict): an interval join;
 *   <li>two streams without a bound: rejected with LDB-3002 (unbounded state).
 * </ul>
 * Conjuncts that are neither keys nor bounds are residual: a filter over the output of an inner join,
 * pushed into the table probe of a lookup join when they read only table columns, rejected for outer joins.
 */
final class JoinTranslator {
  private static final String WEIGHT = "__weight";

  private final PlanTranslator plan;
  private final RelationResolver resolver;
  private final Iterator<AsofClause> asofClauses;

  JoinTranslator(PlanTranslator plan, RelationResolver resolver, Iterator<AsofClause> asofClauses) {
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
    Conjuncts parts = new Conjuncts(join.getCondition(), leftWidth);
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

  private OperatorSpec interval(Join join, Conjuncts parts) {
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
    rejectChangelog(left, "interval join");
    rejectChangelog(right, "interval join");
    JoinLayout layout = layout(type, left, right, parts, parts.leftTime, parts.rightTime);
    if (parts.lower.offset > parts.upper.offset) {
      throw new LaminarException(ErrorCode.JOIN_TIME_BOUND_MISSING, "the join's time bound is empty: the lower"
          + " bound lies above the upper bound");
    }
    OperatorSpec spec = new IntervalJoinSpec(left, right, layout, parts.lower.offset, parts.upper.offset);
    return withResidual(spec, parts.residual, join.getCluster().getRexBuilder());
  }

  // ---- lookup join ----

  private OperatorSpec lookup(Join join, Conjuncts parts, int leftWidth, String table) {
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
    tablePredicates(join.getRight(), predicates, pushed, 0);
    List<RexNode> kept = new ArrayList<>();
    for (RexNode r : residual) {
      LookupPredicate p = onlyRightSide(r, leftWidth) ? predicate(r, leftWidth) : null;
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
    OperatorSpec spec = new LookupJoinSpec(stream, table, tableSchema,
        () -> resolver.lookupSource(tableName).restrict(restriction, null), streamKeys, type,
        pushed.isEmpty() ? "" : pushed.toString(), -1);
    return withResidual(spec, kept, join.getCluster().getRexBuilder());
  }

  /** A filter Calc between the table scan and the join becomes pushed-down predicates. */
  private void tablePredicates(RelNode right, List<LookupPredicate> predicates, List<RexNode> pushed, int offset) {
    if (!(right instanceof Calc calc)) {
      return;
    }
    RexProgram program = calc.getProgram();
    if (!program.isTrivial() && !program.projectsOnlyIdentity()) {
      throw unsupported("expressions over the table side of a lookup join; join the table itself");
    }
    if (program.getCondition() == null) {
      return;
    }
    RexBuilder rex = calc.getCluster().getRexBuilder();
    RexNode condition = RexUtil.expandSearch(rex, null, program.expandLocalRef(program.getCondition()));
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      LookupPredicate p = predicate(c, offset);
      if (p == null) {
        throw unsupported("the table condition " + c + " in a lookup join (comparisons of a table column with a"
            + " constant, IS [NOT] NULL and IN are supported)");
      }
      predicates.add(p);
      pushed.add(c);
    }
  }

  private static boolean onlyRightSide(RexNode node, int leftWidth) {
    for (int i : RelOptUtil.InputFinder.bits(node)) {
      if (i < leftWidth) {
        return false;
      }
    }
    return true;
  }

  /** {@code col op literal} (either order), {@code col IS [NOT] NULL}, OR of equalities: columns minus offset. */
  private static LookupPredicate predicate(RexNode node, int offset) {
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
      int ref = refOf(call.getOperands().get(0));
      return ref < 0 ? null : new LookupPredicate(ref - offset,
          kind == SqlKind.IS_NULL ? LookupPredicate.Op.IS_NULL : LookupPredicate.Op.IS_NOT_NULL, List.of());
    }
    if (kind == SqlKind.OR) {
      int column = -1;
      List<Object> values = new ArrayList<>();
      for (RexNode o : call.getOperands()) {
        LookupPredicate p = predicate(o, offset);
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
    int ref = refOf(a);
    Object value = literal(b);
    if (ref < 0 || value == null) {
      ref = refOf(b);
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

  // ---- ASOF and temporal joins ----

  private OperatorSpec asof(AsofJoin join, int leftWidth, String rightTable) {
    AsofClause clause = asofClauses.hasNext() ? asofClauses.next() : new AsofClause(false, Long.MAX_VALUE, false);
    if (rightTable != null && !clause.isTemporal()) {
      throw new LaminarException(ErrorCode.JOIN_TYPE_UNSUPPORTED, "ASOF JOIN needs a stream on the right ('"
          + rightTable + "' is a table); use a lookup join (JOIN " + rightTable + " ON ...) for the current"
          + " table rows, or FOR SYSTEM_TIME AS OF for its versions");
    }
    if (rightTable != null) {
      return temporalLookup(join, leftWidth, rightTable);
    }
    Conjuncts keys = new Conjuncts(join.getCondition(), leftWidth);
    requireKeys(keys);
    if (!keys.residual.isEmpty() || keys.lower != null || keys.upper != null) {
      throw unsupported("conditions other than equality keys in the ON clause of an ASOF join");
    }
    Conjuncts match = new Conjuncts(join.getMatchCondition(), leftWidth);
    Bound bound = match.lower != null ? match.lower : match.upper;
    if (bound == null || match.lower != null && match.upper != null || bound.offset != 0 && bound.offset != 1
        && bound.offset != -1) {
      throw unsupported("the ASOF match condition " + join.getMatchCondition()
          + "; write MATCH_CONDITION(l.ts >= r.ts), (l.ts <= r.ts) or NEAREST(l.ts, r.ts)");
    }
    // Bounds read "right time >= / <= left time + offset"; offset +-1 marks a strict comparison.
    boolean isBackward = bound == match.upper;
    boolean strict = bound.offset != 0;
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
    Conjuncts keys = new Conjuncts(join.getCondition(), leftWidth);
    requireKeys(keys);
    Conjuncts match = new Conjuncts(join.getMatchCondition(), leftWidth);
    if (!keys.residual.isEmpty() || match.upper == null || match.upper.offset != 0) {
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

  private JoinLayout layout(JoinType type, OperatorSpec left, OperatorSpec right, Conjuncts parts, int leftTime,
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

  private static void requireKeys(Conjuncts parts) {
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

  /** The input column a key operand reads: a reference, possibly under CASTs. -1 otherwise. */
  static int refOf(RexNode node) {
    RexNode n = node;
    while (n instanceof RexCall c && c.getKind() == SqlKind.CAST) {
      n = c.getOperands().get(0);
    }
    return n instanceof RexInputRef ref ? ref.getIndex() : -1;
  }

  private static LaminarException unsupported(String what) {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, what + " is not supported");
  }

  /** {@code right time >= left time + offset} (a lower bound) or {@code <=} (an upper bound). */
  private record Bound(long offset) {}

  /** A join condition split into equality keys, time bounds and the rest. */
  private static final class Conjuncts {
    final List<Integer> leftKeys = new ArrayList<>();
    final List<Integer> rightKeys = new ArrayList<>();
    final List<RexNode> keyConjuncts = new ArrayList<>();
    final List<RexNode> boundConjuncts = new ArrayList<>();
    final List<RexNode> residual = new ArrayList<>();
    Bound lower;
    Bound upper;
    int leftTime = -1;
    int rightTime = -1;

    Conjuncts(RexNode condition, int leftWidth) {
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        if (c.isAlwaysTrue()) {
          continue;
        }
        if (!(c instanceof RexCall call) || call.getOperands().size() != 2 || !addKey(call, leftWidth)
            && !addBound(call, leftWidth)) {
          residual.add(c);
        }
      }
    }

    private boolean addKey(RexCall call, int leftWidth) {
      if (call.getKind() != SqlKind.EQUALS) {
        return false;
      }
      int a = refOf(call.getOperands().get(0));
      int b = refOf(call.getOperands().get(1));
      if (a < 0 || b < 0 || a < leftWidth == b < leftWidth) {
        return false;
      }
      leftKeys.add(Math.min(a, b));
      rightKeys.add(Math.max(a, b) - leftWidth);
      keyConjuncts.add(call);
      return true;
    }

    private boolean addBound(RexCall call, int leftWidth) {
      SqlKind kind = call.getKind();
      if (kind != SqlKind.GREATER_THAN_OR_EQUAL && kind != SqlKind.GREATER_THAN
          && kind != SqlKind.LESS_THAN_OR_EQUAL && kind != SqlKind.LESS_THAN) {
        return false;
      }
      if (addSymmetricBound(call, leftWidth)) {
        return true;
      }
      long[] a = timeTerm(call.getOperands().get(0));
      long[] b = timeTerm(call.getOperands().get(1));
      if (a == null || b == null || a[0] < leftWidth == b[0] < leftWidth) {
        return false;
      }
      // Normalise to: right OP left + offset.
      boolean rightFirst = a[0] >= leftWidth;
      long[] r = rightFirst ? a : b;
      long[] l = rightFirst ? b : a;
      SqlKind op = rightFirst ? kind : kind.reverse();
      long offset = l[1] - r[1];
      int lt = (int) l[0];
      int rt = (int) r[0] - leftWidth;
      if (leftTime >= 0 && (leftTime != lt || rightTime != rt)) {
        return false;
      }
      leftTime = lt;
      rightTime = rt;
      switch (op) {
        case GREATER_THAN_OR_EQUAL -> lower = tighter(lower, offset, true);
        case GREATER_THAN -> lower = tighter(lower, offset + 1, true);
        case LESS_THAN_OR_EQUAL -> upper = tighter(upper, offset, false);
        default -> upper = tighter(upper, offset - 1, false);
      }
      boundConjuncts.add(call);
      return true;
    }

    /** {@code ABS(l.ts - r.ts) <= X} (or {@code < X}, or {@code X >= ABS(...)}): the bound [-X, X]. */
    private boolean addSymmetricBound(RexCall call, int leftWidth) {
      SqlKind kind = call.getKind();
      RexNode abs = call.getOperands().get(0);
      RexNode limit = call.getOperands().get(1);
      if (kind == SqlKind.GREATER_THAN_OR_EQUAL || kind == SqlKind.GREATER_THAN) {
        abs = call.getOperands().get(1);
        limit = call.getOperands().get(0);
        kind = kind.reverse();
      }
      if (!(abs instanceof RexCall absCall) || !absCall.getOperator().getName().equalsIgnoreCase("ABS")
          || !(absCall.getOperands().get(0) instanceof RexCall minus) || minus.getKind() != SqlKind.MINUS) {
        return false;
      }
      Long x = millis(limit);
      int a = refOf(minus.getOperands().get(0));
      int b = refOf(minus.getOperands().get(1));
      if (x == null || a < 0 || b < 0 || a < leftWidth == b < leftWidth) {
        return false;
      }
      int lt = Math.min(a, b);
      int rt = Math.max(a, b) - leftWidth;
      if (leftTime >= 0 && (leftTime != lt || rightTime != rt)) {
        return false;
      }
      leftTime = lt;
      rightTime = rt;
      long bound = kind == SqlKind.LESS_THAN ? x - 1 : x;
      lower = tighter(lower, -bound, true);
      upper = tighter(upper, bound, false);
      boundConjuncts.add(call);
      return true;
    }

    private static Bound tighter(Bound current, long offset, boolean isLower) {
      if (current == null) {
        return new Bound(offset);
      }
      return new Bound(isLower ? Math.max(current.offset, offset) : Math.min(current.offset, offset));
    }

    /** {input, offset ms} for {@code col}, {@code col + c}, {@code col - c} (c an interval or integer). */
    private static long[] timeTerm(RexNode node) {
      RexNode n = node;
      while (n instanceof RexCall c && c.getKind() == SqlKind.CAST) {
        n = c.getOperands().get(0);
      }
      if (n instanceof RexInputRef ref) {
        return new long[] {ref.getIndex(), 0};
      }
      if (n instanceof RexCall call && call.getOperands().size() == 2
          && (call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)) {
        long[] base = timeTerm(call.getOperands().get(0));
        Long c = millis(call.getOperands().get(1));
        if (base == null || c == null) {
          return null;
        }
        base[1] += call.getKind() == SqlKind.PLUS ? c : -c;
        return base;
      }
      return null;
    }

    private static Long millis(RexNode node) {
      if (!(node instanceof RexLiteral lit) || lit.isNull()) {
        return null;
      }
      if (lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
          || lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.NUMERIC) {
        BigDecimal v = lit.getValueAs(BigDecimal.class);
        return v == null ? null : v.longValue();
      }
      return null;
    }
  }
}
