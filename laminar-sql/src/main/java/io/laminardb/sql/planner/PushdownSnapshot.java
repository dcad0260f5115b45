package io.laminardb.sql.planner;

import io.laminardb.core.lookup.LookupPredicate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link RelationResolver.Relation#snapshot()} that can filter and project at its source (a lookup
 * table's connector): ad-hoc queries then send their simple filters there instead of reading every row.
 */
public interface PushdownSnapshot extends Supplier<List<Object[]>> {
  /**
   * Rows in Calcite's form, full width (columns outside {@code projection} may be null), that pass every
   * predicate (values in storage form).
   *
   * @param projection column indexes read, or null for all
   */
  List<Object[]> scan(List<LookupPredicate> predicates, int[] projection);

  @Override
  default List<Object[]> get() {
    return scan(List.of(), null);
  }
}
