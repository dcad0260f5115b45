package io.laminardb;

import java.util.List;
import java.util.Map;

/**
 * What opening a storage directory restored.
 *
 * @param restored whether a checkpoint was restored
 * @param checkpointId the restored checkpoint (0 when none)
 * @param epoch its sink epoch (0 when none)
 * @param timestampMs its barrier time (0 when none)
 * @param sourcePositions rows of each source the checkpoint included
 * @param replayedRows rows of each source replayed from the write-ahead log after the checkpoint
 * @param skipped checkpoints that were newer but unusable, with the reason (corrupt or partial)
 * @param tornLogBytes bytes of a torn last log record that were cut off (0 after a clean stop)
 */
public record RecoveredCheckpoint(boolean restored, long checkpointId, long epoch, long timestampMs,
    Map<String, Long> sourcePositions, Map<String, Long> replayedRows, List<String> skipped,
    long tornLogBytes) {
  public static final RecoveredCheckpoint NONE = new RecoveredCheckpoint(false, 0, 0, 0, Map.of(), Map.of(),
      List.of(), 0);

  /** Rows of {@code source} the restored checkpoint included. */
  public long sourcePosition(String source) {
    return sourcePositions.getOrDefault(source, 0L);
  }

  /**
   * The first row the application still has to push to {@code source}: the checkpoint position plus the
   * rows the log replayed. Everything before it was acknowledged and is in the recovered pipeline.
   */
  public long resumePosition(String source) {
    return sourcePosition(source) + replayedRows.getOrDefault(source, 0L);
  }
}
