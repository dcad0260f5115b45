package io.laminardb.sql.planner;

import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;

/**
 * Calcite's default type system, except that the common type of strings of different lengths (CASE
 * branches, COALESCE, UNION) is VARCHAR, as in PostgreSQL and DataFusion, not a blank-padded CHAR:
 * {@code CASE WHEN c THEN 'one' ELSE 'three' END} yields {@code 'one'}, not {@code 'one  '}.
 */
public final class LaminarTypeSystem extends DelegatingTypeSystem {
  /** Also named in the Calcite connection properties, so ad-hoc queries type alike. */
  public static final LaminarTypeSystem INSTANCE = new LaminarTypeSystem();

  private LaminarTypeSystem() {
    super(RelDataTypeSystem.DEFAULT);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  /** SUM widens: SMALLINT/INT to BIGINT, REAL to DOUBLE (spec §8.1). */
  @Override
  public org.apache.calcite.rel.type.RelDataType deriveSumType(
      org.apache.calcite.rel.type.RelDataTypeFactory typeFactory, org.apache.calcite.rel.type.RelDataType arg) {
    org.apache.calcite.sql.type.SqlTypeName name = arg.getSqlTypeName();
    org.apache.calcite.sql.type.SqlTypeName widened = switch (name) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> org.apache.calcite.sql.type.SqlTypeName.BIGINT;
      case REAL, FLOAT, DOUBLE -> org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
      default -> null;
    };
    if (widened == null) {
      return super.deriveSumType(typeFactory, arg);
    }
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(widened), arg.isNullable());
  }

  /** AVG is DOUBLE for every numeric argument (spec §8.1). */
  @Override
  public org.apache.calcite.rel.type.RelDataType deriveAvgAggType(
      org.apache.calcite.rel.type.RelDataTypeFactory typeFactory, org.apache.calcite.rel.type.RelDataType arg) {
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.DOUBLE), arg.isNullable());
  }
}
