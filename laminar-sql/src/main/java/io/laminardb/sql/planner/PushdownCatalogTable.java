package io.laminardb.sql.planner;

import io.laminardb.core.lookup.LookupPredicate;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * A catalog table whose rows come from a {@link PushdownSnapshot}: Calcite hands it the query's filters and
 * projected columns; the flat ones (column op literal, IS [NOT] NULL, IN lists, AND-ed) go to the source and
 * are removed from what Calcite evaluates, the rest stay in the plan.
 */
final class PushdownCatalogTable extends AbstractTable implements ProjectableFilterableTable {
  private final RelationResolver.Relation relation;
  private final PushdownSnapshot snapshot;

  PushdownCatalogTable(RelationResolver.Relation relation, PushdownSnapshot snapshot) {
    this.relation = relation;
    this.snapshot = snapshot;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.toRel(relation.schema(), typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    List<LookupPredicate> pushed = new ArrayList<>();
    List<RexNode> kept = new ArrayList<>();
    for (RexNode filter : filters) {
      for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
        LookupPredicate p = predicate(conjunct, relation.schema());
        if (p != null) {
          pushed.add(p);
        } else {
          kept.add(conjunct);
        }
      }
    }
    // What Calcite still evaluates: the conjuncts the source cannot take.
    filters.clear();
    filters.addAll(kept);
    List<Object[]> rows = snapshot.scan(pushed, projects);
    if (projects == null) {
      return Linq4j.asEnumerable(rows);
    }
    List<Object[]> projected = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] p = new Object[projects.length];
      for (int i = 0; i < projects.length; i++) {
        p[i] = row[projects[i]];
      }
      projected.add(p);
    }
    return Linq4j.asEnumerable(projected);
  }

  /** The filter as a pushable predicate, or null when it must stay in the plan. */
  static LookupPredicate predicate(RexNode filter, Schema schema) {
    if (filter instanceof RexInputRef ref && isBoolean(schema, ref)) {
      return new LookupPredicate(ref.getIndex(), LookupPredicate.Op.EQ, List.of(1L));
    }
    if (!(filter instanceof RexCall call)) {
      return null;
    }
    SqlKind kind = call.getKind();
    if (kind == SqlKind.NOT && call.getOperands().get(0) instanceof RexInputRef ref && isBoolean(schema, ref)) {
      return new LookupPredicate(ref.getIndex(), LookupPredicate.Op.EQ, List.of(0L));
    }
    if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && call.getOperands().get(0) instanceof RexInputRef ref) {
      return new LookupPredicate(ref.getIndex(), kind == SqlKind.IS_NULL ? LookupPredicate.Op.IS_NULL
          : LookupPredicate.Op.IS_NOT_NULL, List.of());
    }
    if (call.getOperands().size() != 2) {
      return null;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    boolean flipped = false;
    if (left instanceof RexLiteral && right instanceof RexInputRef) {
      RexNode t = left;
      left = right;
      right = t;
      flipped = true;
    }
    if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal)) {
      return null;
    }
    DataType type = schema.field(ref.getIndex()).type();
    if (kind == SqlKind.SEARCH) {
      return inList(ref.getIndex(), type, literal);
    }
    LookupPredicate.Op op = switch (kind) {
      case EQUALS -> LookupPredicate.Op.EQ;
      case NOT_EQUALS -> LookupPredicate.Op.NE;
      case LESS_THAN -> flipped ? LookupPredicate.Op.GT : LookupPredicate.Op.LT;
      case LESS_THAN_OR_EQUAL -> flipped ? LookupPredicate.Op.GE : LookupPredicate.Op.LE;
      case GREATER_THAN -> flipped ? LookupPredicate.Op.LT : LookupPredicate.Op.GT;
      case GREATER_THAN_OR_EQUAL -> flipped ? LookupPredicate.Op.LE : LookupPredicate.Op.GE;
      default -> null;
    };
    Object value = op == null ? null : stored(type, literal);
    return value == null ? null : new LookupPredicate(ref.getIndex(), op, List.of(value));
  }

  private static boolean isBoolean(Schema schema, RexInputRef ref) {
    return schema.field(ref.getIndex()).type().kind() == io.laminardb.core.type.TypeKind.BOOLEAN;
  }

  /** {@code col IN (a, b)} arrives as SEARCH with a Sarg of points. */
  private static LookupPredicate inList(int column, DataType type, RexLiteral literal) {
    Sarg<?> sarg = literal.getValueAs(Sarg.class);
    if (sarg == null || !sarg.isPoints() || sarg.nullAs != org.apache.calcite.rex.RexUnknownAs.UNKNOWN) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (var range : sarg.rangeSet.asRanges()) {
      Object v = storedValue(type, literal.getType().getFamily(), (Comparable<?>) range.lowerEndpoint());
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    return new LookupPredicate(column, LookupPredicate.Op.IN, values);
  }

  private static Object stored(DataType type, RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    return storedValue(type, literal.getType().getFamily(), literal.getValue());
  }

  /** A literal's value in the column's storage form, when it compares exactly (same family); else null. */
  private static Object storedValue(DataType type, Object family, Comparable<?> value) {
    return switch (type.kind()) {
      case SMALLINT, INT, BIGINT -> value instanceof BigDecimal d && family == SqlTypeFamily.NUMERIC
          && d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : null;
      case DOUBLE, FLOAT -> value instanceof BigDecimal d && family == SqlTypeFamily.NUMERIC
          ? (Object) d.doubleValue() : null;
      case DECIMAL -> value instanceof BigDecimal d && family == SqlTypeFamily.NUMERIC
          && d.stripTrailingZeros().scale() <= type.scale() ? d.setScale(type.scale()) : null;
      case VARCHAR -> value instanceof NlsString s && family == SqlTypeFamily.CHARACTER ? s.getValue() : null;
      case BOOLEAN -> value instanceof Boolean b ? (Object) (b ? 1L : 0L) : null;
      default -> null;
    };
  }
}
