package io.laminardb.sql.function;

import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * Aggregate functions whose LaminarDB form differs from Calcite's: FIRST_VALUE and LAST_VALUE are plain
 * aggregates in GROUP BY queries (spec §8.2: ordered by event time), and still usable with OVER.
 */
public final class LaminarAggregates {
  public static final SqlAggFunction FIRST_VALUE = new FirstLast("FIRST_VALUE", SqlKind.FIRST_VALUE);
  public static final SqlAggFunction LAST_VALUE = new FirstLast("LAST_VALUE", SqlKind.LAST_VALUE);

  private LaminarAggregates() {}

  static List<SqlOperator> all() {
    return List.of(FIRST_VALUE, LAST_VALUE);
  }

  private static final class FirstLast extends SqlAggFunction {
    FirstLast(String name, SqlKind kind) {
      super(name, null, kind, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null, OperandTypes.ANY,
          SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
    }
  }
}
