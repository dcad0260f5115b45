package io.laminardb.core.checkpoint;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where checkpoints live. A checkpoint becomes visible all at once, only after every state file and the
 * manifest are durable, so a crash or an I/O error mid-write leaves the previous checkpoints untouched.
 */
public interface CheckpointStore extends AutoCloseable {
  /** Writes the state blobs ({@code file name -> bytes}, as named by the manifest) and then the manifest. */
  void save(CheckpointManifest manifest, Map<String, byte[]> files) throws IOException;

  /** Complete checkpoints, oldest first (partial writes are not listed). */
  List<Long> ids() throws IOException;

  /**
   * Reads and verifies one checkpoint: the manifest checksum and every state file's length and CRC32C.
   * Damage is a {@code LaminarException} with {@code LDB-6004}.
   */
  LoadedCheckpoint load(long id) throws IOException;

  /** Reads and verifies only the manifest of a checkpoint (cheap; state files are not read). */
  CheckpointManifest readManifest(long id) throws IOException;

  void delete(long id) throws IOException;

  /** Removes leftovers of writes that never completed. */
  void cleanPartial() throws IOException;

  /** Releases the store's connections; a local store holds none. */
  @Override
  default void close() throws IOException {}

  /** A verified checkpoint: the manifest and its state blobs by key. */
  record LoadedCheckpoint(CheckpointManifest manifest, Map<String, byte[]> states) {}
}
