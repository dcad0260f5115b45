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
}
