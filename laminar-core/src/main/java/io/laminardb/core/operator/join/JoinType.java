package io.laminardb.core.operator.join;

/** Which rows of a two-input join reach the output. SEMI and ANTI output left columns only. */
public enum JoinType {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

  /** Unmatched left rows are emitted, NULL-padded (LEFT, FULL). */
  public boolean keepsUnmatchedLeft() {
    return this == LEFT || this == FULL;
  }

  /** Unmatched right rows are emitted, NULL-padded (RIGHT, FULL). */
  public boolean keepsUnmatchedRight() {
    return this == RIGHT || this == FULL;
  }

  /** Output holds only the left columns. */
  public boolean leftOnly() {
    return this == SEMI || this == ANTI;
  }
}
