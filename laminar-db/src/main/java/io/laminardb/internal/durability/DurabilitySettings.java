package io.laminardb.internal.durability;

import io.laminardb.Durability;
import io.laminardb.core.storage.LocalStorageFiles;
import io.laminardb.core.storage.StorageFiles;

/**
 * Durability options of a database opened with a storage directory.
 *
 * @param durability when pushes are acknowledged
 * @param checkpointIntervalMillis periodic checkpoints on the builder's clock; 0 = on demand only
 * @param retainedCheckpoints how many complete checkpoints are kept
 * @param walSegmentBytes size at which the log starts a new segment file
 * @param files the file operations (tests inject faults here)
 * @param checkpointStorage where checkpoints go instead of {@code <storageDir>/checkpoints}, or null
 */
public record DurabilitySettings(Durability durability, long checkpointIntervalMillis, int retainedCheckpoints,
    long walSegmentBytes, StorageFiles files, io.laminardb.CheckpointStorage checkpointStorage) {
  public DurabilitySettings(Durability durability, long checkpointIntervalMillis, int retainedCheckpoints,
      long walSegmentBytes, StorageFiles files) {
    this(durability, checkpointIntervalMillis, retainedCheckpoints, walSegmentBytes, files, null);
  }

  public static final DurabilitySettings DEFAULT = new DurabilitySettings(Durability.GROUP, 0, 3,
      64L << 20, LocalStorageFiles.INSTANCE);

  public DurabilitySettings withFiles(StorageFiles storageFiles) {
    return new DurabilitySettings(durability, checkpointIntervalMillis, retainedCheckpoints, walSegmentBytes,
        storageFiles, checkpointStorage);
  }

  public DurabilitySettings withCheckpointStorage(io.laminardb.CheckpointStorage storage) {
    return new DurabilitySettings(durability, checkpointIntervalMillis, retainedCheckpoints, walSegmentBytes,
        files, storage);
  }
}
