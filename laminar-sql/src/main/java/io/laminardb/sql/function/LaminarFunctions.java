package io.laminardb.sql.function;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Signatures LaminarDB declares itself, because Calcite lacks the function or declares it differently
 * from PostgreSQL/DataFusion. They hide every Calcite operator of the same name. The implementations are
 * the {@code @SqlName} methods of {@link FunctionClasses} (CONCAT, MOD and DATE_TRUNC are compiled as
 * special forms).
 */
final class LaminarFunctions {
  private static final SqlReturnTypeInference TIMESTAMP = ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3)
      .andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlReturnTypeInference VARCHAR = ReturnTypes.explicit(SqlTypeName.VARCHAR)
      .andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlOperandTypeChecker INTEGER_INTEGER =
      OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER);
  private static final SqlOperandTypeChecker STRING_OPTIONAL_STRING =
      OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING);

  /** MOD(a, b) and {@code a % b}: the wider operand type, and also defined for DOUBLE. */
  static final SqlFunction MOD = new SqlFunction("MOD", SqlKind.MOD,
      ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE), null, OperandTypes.NUMERIC_NUMERIC,
      SqlFunctionCategory.NUMERIC);

  private static final SqlOperandTypeChecker WINDOW_OPERANDS = OperandTypes.or(
      OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.DATETIME,
          org.apache.calcite.sql.type.SqlTypeFamily.DATETIME_INTERVAL),
      OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.DATETIME,
          org.apache.calcite.sql.type.SqlTypeFamily.DATETIME_INTERVAL,
          org.apache.calcite.sql.type.SqlTypeFamily.DATETIME_INTERVAL));

  private LaminarFunctions() {}

  static List<SqlOperator> all() {
    return List.of(
        // Strings. CONCAT takes any values and skips NULLs (never NULL itself).
        function("CONCAT", SqlFunctionCategory.STRING, ReturnTypes.explicit(SqlTypeName.VARCHAR),
            OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.ANY)),
        // CONCAT_WS(separator, any...): Calcite's PostgreSQL variant needs implicit coercion, which is off.
        function("CONCAT_WS", SqlFunctionCategory.STRING, ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(LaminarFunctions::nullableLikeSeparator), new SeparatorFirst()),
        function("BTRIM", SqlFunctionCategory.STRING, ReturnTypes.ARG0_NULLABLE_VARYING, STRING_OPTIONAL_STRING),
        function("LTRIM", SqlFunctionCategory.STRING, ReturnTypes.ARG0_NULLABLE_VARYING, STRING_OPTIONAL_STRING),
        function("RTRIM", SqlFunctionCategory.STRING, ReturnTypes.ARG0_NULLABLE_VARYING, STRING_OPTIONAL_STRING),
        function("OCTET_LENGTH", SqlFunctionCategory.NUMERIC, ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.or(OperandTypes.STRING, OperandTypes.BINARY)),
        function("TO_HEX", SqlFunctionCategory.STRING, VARCHAR,
            OperandTypes.or(OperandTypes.INTEGER, OperandTypes.BINARY)),
        function("REGEXP_COUNT", SqlFunctionCategory.NUMERIC, ReturnTypes.BIGINT_NULLABLE, OperandTypes.or(
            OperandTypes.STRING_STRING,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER,
                SqlTypeFamily.STRING))),
        // Numbers.
        MOD,
        function("GCD", SqlFunctionCategory.NUMERIC, ReturnTypes.BIGINT_NULLABLE, INTEGER_INTEGER),
        function("LCM", SqlFunctionCategory.NUMERIC, ReturnTypes.BIGINT_NULLABLE, INTEGER_INTEGER),
        function("ISNAN", SqlFunctionCategory.NUMERIC, ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.NUMERIC),
        function("ISZERO", SqlFunctionCategory.NUMERIC, ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.NUMERIC),
        function("NANVL", SqlFunctionCategory.NUMERIC, ReturnTypes.DOUBLE_NULLABLE, OperandTypes.NUMERIC_NUMERIC),
        // Date and time. DATE_TRUNC('unit', ts) (Calcite's is BigQuery's DATE_TRUNC(date, unit)).
        function("DATE_TRUNC", SqlFunctionCategory.TIMEDATE, LaminarFunctions::dateTruncType, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.TIMESTAMP),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATE))),
        function("TO_TIMESTAMP", SqlFunctionCategory.TIMEDATE, TIMESTAMP,
            OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.STRING)),
        function("TO_TIMESTAMP_SECONDS", SqlFunctionCategory.TIMEDATE, TIMESTAMP, OperandTypes.INTEGER),
        function("TO_TIMESTAMP_MILLIS", SqlFunctionCategory.TIMEDATE, TIMESTAMP, OperandTypes.INTEGER),
        // tumble(ts, size[, offset]) outside GROUP BY: the start (or end) of the row's tumbling window.
        function("WINDOW_START", SqlFunctionCategory.TIMEDATE, TIMESTAMP, WINDOW_OPERANDS),
        function("WINDOW_END", SqlFunctionCategory.TIMEDATE, TIMESTAMP, WINDOW_OPERANDS),
        function("TO_TIMESTAMP_MICROS", SqlFunctionCategory.TIMEDATE, TIMESTAMP, OperandTypes.INTEGER),
        function("FROM_UNIXTIME", SqlFunctionCategory.TIMEDATE, TIMESTAMP, OperandTypes.INTEGER),
        function("MAKE_DATE", SqlFunctionCategory.TIMEDATE, ReturnTypes.DATE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
        // Clocks: NOW() and PROCTIME() read the processing time of the step, WATERMARK() the query's
        // watermark (NULL before the first).
        new ClockFunction("NOW", false),
        new ClockFunction("PROCTIME", false),
        new ClockFunction("WATERMARK", true));
  }

  private static SqlFunction function(String name, SqlFunctionCategory category,
      SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, category);
  }

  /** The timestamp's own type; a DATE truncates to a TIMESTAMP(3). */
  private static RelDataType dateTruncType(org.apache.calcite.sql.SqlOperatorBinding binding) {
    RelDataType operand = binding.getOperandType(1);
    RelDataType type = operand.getSqlTypeName() == SqlTypeName.DATE
        ? binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3) : operand;
    boolean nullable = binding.getOperandType(0).isNullable() || operand.isNullable();
    return binding.getTypeFactory().createTypeWithNullability(type, nullable);
  }

  private static RelDataType nullableLikeSeparator(org.apache.calcite.sql.SqlOperatorBinding binding,
      RelDataType type) {
    return binding.getTypeFactory().createTypeWithNullability(type, binding.getOperandType(0).isNullable());
  }

  /** A string separator followed by one or more values of any type. */
  private static final class SeparatorFirst implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      if (SqlTypeUtil.inCharFamily(binding.getOperandType(0))) {
        return true;
      }
      if (throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.from(2);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "(<STRING>, <ANY>, ...)";
    }
  }

  /** A TIMESTAMP that changes as the query runs, so it must never be folded into a constant. */
  private static final class ClockFunction extends SqlFunction {
    ClockFunction(String name, boolean isNullable) {
      super(name, SqlKind.OTHER_FUNCTION, isNullable ? TIMESTAMP : ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3),
          null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);
    }

    @Override
    public boolean isDynamicFunction() {
      return true;
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }
  }
}
