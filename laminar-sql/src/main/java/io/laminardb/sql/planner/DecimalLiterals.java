package io.laminardb.sql.planner;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Literals with a decimal point ({@code 2.5}) are DOUBLE, as in DataFusion (spec §2.1), not Calcite's exact
 * DECIMAL. Use {@code CAST('2.5' AS DECIMAL(10, 2))} or {@code DECIMAL '2.5'} for exact values.
 */
final class DecimalLiterals extends SqlShuttle {
  static SqlNode asDouble(SqlNode node) {
    return node.accept(new DecimalLiterals());
  }

  @Override
  public SqlNode visit(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral n && n.isExact() && !n.isInteger()) {
      return SqlLiteral.createApproxNumeric(n.toValue() + "E0", n.getParserPosition());
    }
    return literal;
  }
}
