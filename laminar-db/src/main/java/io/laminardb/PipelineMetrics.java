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
 * @param lookups per-lookup-table cache counters by name (CREATE LOOKUP TABLE)
 * @param checkpoints checkpoint counters since the database was opened ({@link CheckpointMetrics#NONE}
 *     without a storage directory)
 */
public record PipelineMetrics(long totalEventsIngested, long totalEventsEmitted, long queryErrors,
    Duration uptime, PipelineState state, long stepsProcessed, Map<String, SourceMetrics> sources,
    Map<String, StreamMetrics> streams, Map<String, LookupMetrics> lookups, CheckpointMetrics checkpoints) {

  public PipelineMetrics(long totalEventsIngested, long totalEventsEmitted, long queryErrors, Duration uptime,
      PipelineState state, long stepsProcessed, Map<String, SourceMetrics> sources,
      Map<String, StreamMetrics> streams, Map<String, LookupMetrics> lookups) {
    this(totalEventsIngested, totalEventsEmitted, queryErrors, uptime, state, stepsProcessed, sources, streams,
        lookups, CheckpointMetrics.NONE);
  }

  public PipelineMetrics(long totalEventsIngested, long totalEventsEmitted, long queryErrors, Duration uptime,
      PipelineState state, long stepsProcessed, Map<String, SourceMetrics> sources,
      Map<String, StreamMetrics> streams) {
    this(totalEventsIngested, totalEventsEmitted, queryErrors, uptime, state, stepsProcessed, sources, streams,
        Map.of());
  }

  /**
   * @param completed checkpoints made durable since open
   * @param failed checkpoints that failed (capture or write); the previous checkpoints stayed intact
   * @param lastCheckpointId id of the newest completed checkpoint (0: none yet)
   * @param lastDurationMillis barrier to durable, of the newest completed checkpoint
   * @param lastStateBytes state bytes written by the newest completed checkpoint
   * @param lastPauseMicros how long the newest completed checkpoint paused the compute thread
   * @param lastFailure message of the newest failure, or null
   */
  public record CheckpointMetrics(long completed, long failed, long lastCheckpointId, long lastDurationMillis,
      long lastStateBytes, long lastPauseMicros, String lastFailure) {
    public static final CheckpointMetrics NONE = new CheckpointMetrics(0, 0, 0, 0, 0, 0, null);
  }

  /**
   * @param connector the external system, for example {@code postgres 127.0.0.1:5432/crm public.customers}
   * @param cache {@code full}, {@code partial} or {@code none}
   * @param hits probes answered from memory (cached "no such key" answers included)
   * @param misses probes not answered from memory (a full cache's absent keys included)
   * @param loads round trips to the connector (full loads and refreshes, batched fetches of misses)
   * @param rowsLoaded rows those round trips returned
   * @param evictions cache entries dropped by size (cache.max_rows) or age (cache.ttl)
   * @param errors failed connector calls (LDB-5001 / LDB-5003)
   * @param negativeHits hits that were a cached "no such key"
   * @param staleHits probes answered from expired entries while the connector failed
   * @param cachedRows rows held in memory now
   */
  public record LookupMetrics(String name, String connector, String cache, long hits, long misses, long loads,
      long rowsLoaded, long evictions, long errors, long negativeHits, long staleHits, long cachedRows) {}

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
