package io.laminardb.core.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sources whose watermarks may not drift more than {@code maxDriftMillis} apart (spec §4.3, F066). A
 * source is ahead when its watermark exceeds the smallest watermark of the other active members by more
 * than the drift. Members without a watermark yet, and idle members, do not constrain the others.
 */
public final class AlignmentGroup {
  /** What happens to a source that is ahead. */
  public enum Mode {
    /** Its input is held in the pipeline (and counts against its buffer) until the others catch up. */
    PAUSE,
    /** Its input flows on; each batch that runs ahead is counted and logged. */
    WARN,
    /** Rows that would carry it ahead are dropped and counted. */
    DROP
  }

  private final String name;
  private final long maxDriftMillis;
  private final Mode mode;
  private final List<SourceNode> members = new CopyOnWriteArrayList<>();

  public AlignmentGroup(String name, long maxDriftMillis, Mode mode) {
    this.name = name;
    this.maxDriftMillis = maxDriftMillis;
    this.mode = mode;
  }

  public String name() {
    return name;
  }

  public long maxDriftMillis() {
    return maxDriftMillis;
  }

  public Mode mode() {
    return mode;
  }

  void add(SourceNode source) {
    members.add(source);
  }

  void remove(SourceNode source) {
    members.remove(source);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  /**
   * The largest watermark {@code self} may have: the smallest watermark among the other active members
   * plus the drift, or {@link Long#MAX_VALUE} when no other member constrains it.
   */
  long limitFor(SourceNode self) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < members.size(); i++) {
      SourceNode m = members.get(i);
      if (m == self || m.isIdle()) {
        continue;
      }
      long w = m.currentWatermark();
      if (w != Long.MIN_VALUE && w < min) {
        min = w;
      }
    }
    if (min == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    long limit = min + maxDriftMillis;
    return limit < min ? Long.MAX_VALUE : limit;
  }

  /**
   * Lets paused members run their held input while they are no longer ahead; repeats until nothing moves,
   * since one member catching up can release another. Compute thread only.
   */
  void releaseHeld(long nowMillis) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).releaseHeld(nowMillis)) {
          progress = true;
        }
      }
    }
  }
}
