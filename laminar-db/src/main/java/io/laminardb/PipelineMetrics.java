package io.laminardb;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of the pipeline's counters.
 *
 * @param totalEventsIngested rows processed from all sources
 * @param totalEventsEmitted rows produced by all continuous queries
 * @param queryErrors runtime errors (each skipped a step's input for one query)
 * @param sources per-source counters by name
 * @param streams per-stream counters by name
 */
public record PipelineMetrics(long totalEventsIngested, long totalEventsEmitted, long queryErrors,
    Duration uptime, PipelineState state, long stepsProcessed, Map<String, SourceMetrics> sources,
    Map<String, StreamMetrics> streams) {

  /**
   * @param pending rows pushed but not yet processed (held rows of a paused source included)
   * @param idle whether the source is idle (no data for its idle.timeout) and excluded from watermarks
   * @param alignmentHeld rows held back because the source is ahead of its alignment group (mode pause)
   * @param alignmentDropped rows dropped because they would carry the source ahead of its alignment group
   *     (mode drop)
   * @param alignmentViolations batches that carried the source ahead of its alignment group (mode warn)
   * @param watermarkKeys keys with their own watermark (watermark.key), idle keys included
   * @param watermarkKeyEvictions keys evicted because watermark.key.max_keys was reached
   * @param lateDropped rows dropped at the source because they were behind its watermark
   *     ({@code 'late.rows' = 'drop'}); always 0 by default, when lateness is judged per window
   */
  public record SourceMetrics(String name, long totalEvents, long pending, boolean isBackpressured,
      long watermark, boolean idle, long alignmentHeld, long alignmentDropped, long alignmentViolations,
      int watermarkKeys, long watermarkKeyEvictions, long lateDropped) {}

  /**
   * @param lateEvents input rows dropped or sent to LATE DATA TO because their windows had closed
   * @param stateBytes approximate bytes held by the query's operators (open groups, windows, sessions)
   */
  public record StreamMetrics(String name, long totalEvents, long errors, long watermark, long lateEvents,
      long stateBytes) {}
}
