package io.laminardb.sql.function;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlLeadLagAggFunction;

/**
 * LAG and LEAD with the SQL result nullability: a NULL value of the argument passes through even when a
 * non-NULL default is given (Calcite types {@code LEAD(x, 1, 0)} NOT NULL, which would turn such values into
 * zeros).
 */
public final class AnalyticFunctions {
  public static final SqlOperator LAG = new LeadLag(SqlKind.LAG);
  public static final SqlOperator LEAD = new LeadLag(SqlKind.LEAD);

  private AnalyticFunctions() {}

  public static List<SqlOperator> all() {
    return List.of(LAG, LEAD);
  }

  private static final class LeadLag extends SqlLeadLagAggFunction {
    LeadLag(SqlKind kind) {
      super(kind);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
      RelDataType type = super.inferReturnType(binding);
      boolean isNullable = binding.getOperandCount() < 3 || binding.getOperandType(0).isNullable()
          || binding.getOperandType(2).isNullable();
      return binding.getTypeFactory().createTypeWithNullability(type, isNullable);
    }
  }
}
