package io.laminardb.sql.function;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * DataFusion's numeric typing, applied to a parsed query before validation:
 * <ul>
 *   <li>a literal with a decimal point ({@code 0.5}, {@code 2.0}) is a DOUBLE, not a DECIMAL, so
 *       {@code i / 2.0} and {@code coalesce(int_col, 0.5)} are DOUBLE (write {@code CAST(0.5 AS DECIMAL(3,
 *       2))} for an exact decimal);
 *   <li>{@code a % b} is {@code mod(a, b)}: the wider operand type (BIGINT % INT is BIGINT) and also
 *       defined for DOUBLE (continuous queries only: Calcite's executor runs ad-hoc queries and keeps its
 *       own {@code %}).
 * </ul>
 */
public final class NumericTyping extends SqlShuttle {
  private static final NumericTyping CONTINUOUS = new NumericTyping(true);
  private static final NumericTyping AD_HOC = new NumericTyping(false);

  private final boolean isRemainderMod;

  private NumericTyping(boolean isRemainderMod) {
    this.isRemainderMod = isRemainderMod;
  }

  /** Rewrites a continuous query (see {@link OperatorTables#standard()}). */
  public static SqlNode continuous(SqlNode query) {
    return query.accept(CONTINUOUS);
  }

  /** Rewrites an ad-hoc query (see {@link OperatorTables#calciteExecutable()}). */
  public static SqlNode adHoc(SqlNode query) {
    return query.accept(AD_HOC);
  }

  @Override
  public SqlNode visit(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral number && number.isExact() && number.getScale() != null
        && number.getScale() > 0) {
      return SqlLiteral.createApproxNumeric(number.toValue(), number.getParserPosition());
    }
    return literal;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (isRemainderMod && visited instanceof SqlCall c
        && c.getOperator() == SqlStdOperatorTable.PERCENT_REMAINDER) {
      return LaminarFunctions.MOD.createCall(c.getParserPosition(), c.getOperandList());
    }
    return visited;
  }
}
