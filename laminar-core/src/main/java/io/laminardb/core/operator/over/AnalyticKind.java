package io.laminardb.core.operator.over;

/** The functions an analytic (OVER) operator evaluates per row. */
public enum AnalyticKind {
  LAG,
  LEAD,
  FIRST_VALUE,
  LAST_VALUE,
  NTH_VALUE,
  COUNT_STAR,
  COUNT,
  /** SUM that is NULL over a frame without non-NULL values. */
  SUM,
  /** SUM that is 0 over a frame without non-NULL values (Calcite's $SUM0). */
  SUM0,
  MIN,
  MAX;

  /** Whether the function reads a frame (the others read fixed offsets). */
  public boolean isFramed() {
    return this != LAG && this != LEAD;
  }
}
