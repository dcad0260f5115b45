package io.laminardb.core.time;

/** Special watermark values carried in-band. */
public final class Watermarks {
  /**
   * "This input is idle": sent by a source with no data for its idle timeout. Multi-input operators leave
   * idle inputs out of their minimum; single-input operators ignore it. Never stored as a watermark.
   */
  public static final long IDLE = Long.MAX_VALUE;

  private Watermarks() {}
}
