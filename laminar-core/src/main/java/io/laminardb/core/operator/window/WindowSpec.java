package io.laminardb.core.operator.window;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;

/**
 * A fixed event-time window definition in milliseconds: tumbling ({@code slide == size}) or hopping.
 * Windows are half-open {@code [start, start + size)} with starts {@code ≡ offset (mod slide)}.
 */
public record WindowSpec(Kind kind, long size, long slide, long offset) {
  public enum Kind {
    TUMBLE,
    HOP
  }

  /** The most windows one event may belong to (HEAD guard). */
  public static final int MAX_WINDOWS_PER_EVENT = 10_000;

  public WindowSpec {
    if (size <= 0 || slide <= 0) {
      throw new LaminarException(ErrorCode.WINDOW_SIZE_INVALID, "window size and slide must be positive (size "
          + size + " ms, slide " + slide + " ms)");
    }
    if (slide > size) {
      throw new LaminarException(ErrorCode.WINDOW_SIZE_INVALID, "HOP slide (" + slide
          + " ms) must not exceed its size (" + size + " ms)");
    }
    if ((size - 1) / slide + 1 > MAX_WINDOWS_PER_EVENT) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "HOP size/slide would put each event into more than "
          + MAX_WINDOWS_PER_EVENT + " windows");
    }
  }

  public static WindowSpec tumble(long size, long offset) {
    return new WindowSpec(Kind.TUMBLE, size, size, offset);
  }

  public static WindowSpec hop(long slide, long size, long offset) {
    return new WindowSpec(Kind.HOP, size, slide, offset);
  }

  /** Windows containing one event: {@code ceil(size / slide)} at most. */
  public int maxWindowsPerEvent() {
    return (int) ((size + slide - 1) / slide);
  }

  /** The latest window start at or before {@code t} (floor also for negative times). */
  public long lastStart(long t) {
    return Math.floorDiv(t - offset, slide) * slide + offset;
  }

  public String describe() {
    return kind == Kind.TUMBLE ? "TUMBLE(size=" + size + "ms" + (offset != 0 ? ", offset=" + offset + "ms" : "")
        + ")" : "HOP(slide=" + slide + "ms, size=" + size + "ms" + (offset != 0 ? ", offset=" + offset + "ms"
        : "") + ")";
  }
}
