package io.laminardb.core.operator.over;

import io.laminardb.core.type.DataType;

/**
 * One OVER function of an analytic operator.
 *
 * @param argumentColumn input column read, -1 for COUNT(*)
 * @param offset LAG/LEAD offset (at least 1), NTH_VALUE position (at least 1), 0 otherwise
 * @param framePreceding rows before the current row in the frame {@code ROWS BETWEEN n PRECEDING AND
 *     ...}; -1 for UNBOUNDED PRECEDING
 * @param frameFollowing rows after the current row in the frame ({@code ... AND m FOLLOWING}); 0 for
 *     CURRENT ROW. A row with a following frame waits for those rows like LEAD
 * @param defaultColumn LAG/LEAD: input column holding the default, or -1
 * @param defaultValue LAG/LEAD: constant default in storage form (Long, Double or object), null for NULL;
 *     used when {@code defaultColumn} is -1
 * @param resultType type of the result column
 */
public record AnalyticFunction(AnalyticKind kind, int argumentColumn, int offset, int framePreceding,
    int frameFollowing, int defaultColumn, Object defaultValue, DataType resultType) {

  /** Rows before the current one this function reads at the row's arrival. */
  int history() {
    return switch (kind) {
      case LAG -> offset;
      case LEAD -> 0;
      default -> Math.max(framePreceding, 0);
    };
  }

  /** Later rows this function waits for before its row can be emitted. */
  int lookahead() {
    return kind == AnalyticKind.LEAD ? offset : kind.isFramed() ? frameFollowing : 0;
  }

  /** Whether the function keeps a value per partition (unbounded FIRST_VALUE / NTH_VALUE). */
  boolean isPinned() {
    return framePreceding < 0 && (kind == AnalyticKind.FIRST_VALUE || kind == AnalyticKind.NTH_VALUE);
  }

  /** The absolute partition position a pinned function keeps. */
  long pinnedPosition() {
    return kind == AnalyticKind.NTH_VALUE ? offset - 1 : 0;
  }

}
