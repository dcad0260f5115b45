package io.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.function.MathFunctions;
import io.laminardb.core.function.StringFunctions;
import io.laminardb.core.operator.EvalContext;
import io.laminardb.core.operator.calc.CalcKernel;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.planner.TypeMapping;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

class CalcCompilerTest {
  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final Schema input = Schema.of(new Field("a", DataType.of(TypeKind.BIGINT)),
      new Field("s", DataType.of(TypeKind.VARCHAR)), new Field("d", DataType.of(TypeKind.DOUBLE)));
  private final RelDataType inputType = TypeMapping.toRel(input, types);
  private final CalcCompiler compiler = new CalcCompiler(new FunctionLibrary(List.of(StringFunctions.class,
      MathFunctions.class)));

  private RexNode ref(int i) {
    return rex.makeInputRef(inputType.getFieldList().get(i).getType(), i);
  }

  private Batch batch(Object[]... rows) {
    Batch b = new Batch(input, rows.length);
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        b.column(c).setStored(r, rows[r][c]);
      }
    }
    b.setRowCount(rows.length);
    return b;
  }

  @Test
  void filtersAndProjectsWithSqlNullSemantics() {
    RexNode condition = rex.makeCall(SqlStdOperatorTable.GREATER_THAN, ref(0), rex.makeExactLiteral(
        BigDecimal.ONE));
    RexNode upper = rex.makeCall(SqlStdOperatorTable.UPPER, ref(1));
    RexNode times = rex.makeCall(SqlStdOperatorTable.MULTIPLY, ref(0), ref(2));
    Schema out = Schema.of(new Field("u", DataType.of(TypeKind.VARCHAR)), new Field("t",
        DataType.of(TypeKind.DOUBLE)));
    CalcKernel kernel = compiler.compile(input, inputType, condition, List.of(upper, times), out).get();
    Batch result = new Batch(out, 1);
    int n = kernel.apply(batch(new Object[] {1L, "no", 1.0}, new Object[] {2L, "ab", 1.5},
        new Object[] {null, "x", 2.0}, new Object[] {3L, null, null}), result, new EvalContext());
    result.setRowCount(n);
    assertThat(n).isEqualTo(2);
    assertThat(result.getStored(0, 0)).isEqualTo("AB");
    assertThat(result.getStored(1, 0)).isEqualTo(3.0);
    assertThat(result.getStored(0, 1)).isNull();
    assertThat(result.getStored(1, 1)).isNull();
  }

  @Test
  void caseGuardsDivisionAndIntegerDivisionByZeroFails() {
    RexNode isZero = rex.makeCall(SqlStdOperatorTable.EQUALS, ref(0), rex.makeExactLiteral(BigDecimal.ZERO));
    RexNode divide = rex.makeCall(SqlStdOperatorTable.DIVIDE, rex.makeExactLiteral(BigDecimal.TEN), ref(0));
    RexNode guarded = rex.makeCall(SqlStdOperatorTable.CASE, isZero, rex.makeNullLiteral(divide.getType()),
        divide);
    Schema out = Schema.of(new Field("q", DataType.of(TypeKind.BIGINT)));
    CalcKernel safe = compiler.compile(input, inputType, null, List.of(guarded), out).get();
    Batch result = new Batch(out, 2);
    result.setRowCount(safe.apply(batch(new Object[] {0L, "a", 0.0}, new Object[] {5L, "b", 0.0}), result,
        new EvalContext()));
    assertThat(result.getStored(0, 0)).isNull();
    assertThat(result.getStored(0, 1)).isEqualTo(2L);
    CalcKernel unsafe = compiler.compile(input, inputType, null, List.of(divide), out).get();
    assertThatThrownBy(() -> unsafe.apply(batch(new Object[] {0L, "a", 0.0}), new Batch(out, 1),
        new EvalContext())).hasMessageContaining("LDB-7001").hasMessageContaining("division by zero");
  }

  @Test
  void threeValuedLogic() {
    RexNode aPositive = rex.makeCall(SqlStdOperatorTable.GREATER_THAN, ref(0), rex.makeExactLiteral(
        BigDecimal.ZERO));
    RexNode sIsNull = rex.makeCall(SqlStdOperatorTable.IS_NULL, ref(1));
    RexNode or = rex.makeCall(SqlStdOperatorTable.OR, aPositive, sIsNull);
    RexNode and = rex.makeCall(SqlStdOperatorTable.AND, aPositive, sIsNull);
    Schema out = Schema.of(new Field("o", DataType.of(TypeKind.BOOLEAN)), new Field("x",
        DataType.of(TypeKind.BOOLEAN)));
    CalcKernel kernel = compiler.compile(input, inputType, null, List.of(or, and), out).get();
    Batch result = new Batch(out, 3);
    result.setRowCount(kernel.apply(batch(new Object[] {null, null, 0.0}, new Object[] {null, "x", 0.0},
        new Object[] {1L, "x", 0.0}), result, new EvalContext()));
    // NULL OR TRUE = TRUE; NULL AND TRUE = NULL; NULL OR FALSE = NULL; TRUE AND FALSE = FALSE.
    assertThat(result.getStored(0, 0)).isEqualTo(1L);
    assertThat(result.getStored(1, 0)).isNull();
    assertThat(result.getStored(0, 1)).isNull();
    assertThat(result.getStored(1, 1)).isEqualTo(0L);
    assertThat(result.getStored(0, 2)).isEqualTo(1L);
    assertThat(result.getStored(1, 2)).isEqualTo(0L);
  }
}
