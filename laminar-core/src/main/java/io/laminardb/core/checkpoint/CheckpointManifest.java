package io.laminardb.core.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * What one checkpoint captured, consistently between two steps: where every source stood, the watermarks,
 * the epoch of every exactly-once sink, and which state file holds each piece of operator state.
 *
 * @param checkpointId increasing id, also the directory name's number
 * @param epoch the sink epoch this checkpoint closes (equal to the id: one epoch per checkpoint)
 * @param timestampMs processing time (the injected clock) when the barrier ran
 * @param walLsn the last write-ahead-log record whose step ran before the barrier (0: none); recovery
 *     replays the records after it
 * @param sources per source name: its position and watermark state
 * @param queryWatermarks per query name: the watermark of its output
 * @param sinkEpochs per exactly-once sink: the last epoch pre-committed by this checkpoint
 * @param states every state blob, with its checksum
 */
public record CheckpointManifest(long checkpointId, long epoch, long timestampMs, long walLsn,
    Map<String, SourceCheckpoint> sources, Map<String, Long> queryWatermarks, Map<String, Long> sinkEpochs,
    List<StateEntry> states) {
  public static final int VERSION = 1;

  /**
   * @param objectId the catalog id of the source (a source dropped and re-created is another source)
   * @param rows rows of the source processed before the barrier: the position to resume pushing from
   * @param watermarkCalls manual watermark calls processed before the barrier
   * @param watermark the source watermark
   * @param maxEventTime the largest event time seen (bounded out-of-orderness generator)
   * @param partitions per-partition generators
   */
  public record SourceCheckpoint(long objectId, long rows, long watermarkCalls, long watermark,
      long maxEventTime, List<PartitionCheckpoint> partitions) {}

  public record PartitionCheckpoint(int partition, long maxEventTime, long watermark, boolean idle) {}

  /**
   * @param key what the blob belongs to ({@code operator/<query>/<index>}, {@code view/<name>})
   * @param fingerprint the definition the state was taken from; state whose fingerprint no longer matches
   *     is not restored
   * @param file file name inside the checkpoint
   */
  public record StateEntry(String key, String fingerprint, String file, long length, long crc32c) {}

  public SourceCheckpoint source(String name) {
    return sources.get(name);
  }
}
