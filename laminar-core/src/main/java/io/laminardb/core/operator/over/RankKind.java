package io.laminardb.core.operator.over;

/** How a top-N operator numbers the rows of a partition. */
public enum RankKind {
  /** 1, 2, 3, ...: ties ranked by arrival. */
  ROW_NUMBER,
  /** Ties share a rank; gaps follow ties (1, 1, 3). */
  RANK,
  /** Ties share a rank; no gaps (1, 1, 2). */
  DENSE_RANK
}
