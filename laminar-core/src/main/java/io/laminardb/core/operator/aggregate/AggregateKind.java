package io.laminardb.core.operator.aggregate;

/** The aggregate functions the engine computes incrementally. */
public enum AggregateKind {
  COUNT_STAR,
  COUNT,
  COUNT_DISTINCT,
  APPROX_COUNT_DISTINCT,
  SUM,
  AVG,
  MIN,
  MAX,
  FIRST_VALUE,
  LAST_VALUE,
  STDDEV_SAMP,
  STDDEV_POP,
  VAR_SAMP,
  VAR_POP,
  BOOL_AND,
  BOOL_OR,
  ARRAY_AGG
}
