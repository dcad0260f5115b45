package io.laminardb.core.checkpoint;

import io.laminardb.core.storage.StorageFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints as directories {@code checkpoint-<id>} under one root. A checkpoint is assembled in
 * {@code .checkpoint-<id>.partial} (state files, then the manifest, each fsynced) and published by one
 * atomic directory rename followed by an fsync of the root.
 */
public final class LocalCheckpointStore implements CheckpointStore {
  private static final String PREFIX = "checkpoint-";
  private static final String PARTIAL = ".partial";
  static final String MANIFEST = "manifest.json";

  private final Path root;
  private final StorageFiles files;

  public LocalCheckpointStore(Path root, StorageFiles files) {
    this.root = root;
    this.files = files;
  }

  private Path dir(long id) {
    return root.resolve(PREFIX + String.format("%020d", id));
  }

  @Override
  public void save(CheckpointManifest manifest, Map<String, byte[]> blobs) throws IOException {
    files.createDirectories(root);
    Path target = dir(manifest.checkpointId());
    Path partial = root.resolve("." + target.getFileName() + PARTIAL);
    files.delete(partial);
    try {
      files.createDirectories(partial);
      for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
        files.writeDurably(partial.resolve(e.getKey()), e.getValue());
      }
      files.writeDurably(partial.resolve(MANIFEST), ManifestCodec.encode(manifest));
      files.syncDirectory(partial);
      files.move(partial, target);
      files.syncDirectory(root);
    } catch (IOException | RuntimeException e) {
      try {
        files.delete(partial);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public List<Long> ids() throws IOException {
    List<Long> ids = new ArrayList<>();
    for (Path p : files.list(root)) {
      String name = p.getFileName().toString();
      if (name.startsWith(PREFIX) && name.length() == PREFIX.length() + 20) {
        try {
          ids.add(Long.parseLong(name.substring(PREFIX.length())));
        } catch (NumberFormatException ignored) {
          // not ours
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  @Override
  public CheckpointManifest readManifest(long id) throws IOException {
    CheckpointManifest manifest;
    try {
      manifest = ManifestCodec.decode(files.read(dir(id).resolve(MANIFEST)));
    } catch (NoSuchFileException e) {
      throw ManifestCodec.corrupt("checkpoint " + id + " has no manifest");
    }
    if (manifest.checkpointId() != id) {
      throw ManifestCodec.corrupt("checkpoint directory " + id + " holds the manifest of "
          + manifest.checkpointId());
    }
    return manifest;
  }

  @Override
  public LoadedCheckpoint load(long id) throws IOException {
    Path dir = dir(id);
    CheckpointManifest manifest = readManifest(id);
    Map<String, byte[]> states = new LinkedHashMap<>();
    for (CheckpointManifest.StateEntry s : manifest.states()) {
      byte[] data;
      try {
        data = files.read(dir.resolve(s.file()));
      } catch (NoSuchFileException e) {
        throw ManifestCodec.corrupt("checkpoint " + id + ": state file " + s.file() + " is missing");
      }
      if (data.length != s.length() || ManifestCodec.crc(data) != s.crc32c()) {
        throw ManifestCodec.corrupt("checkpoint " + id + ": state file " + s.file()
            + " fails its checksum (" + data.length + " bytes, expected " + s.length() + ")");
      }
      states.put(s.key(), data);
    }
    return new LoadedCheckpoint(manifest, states);
  }

  @Override
  public void delete(long id) throws IOException {
    files.delete(dir(id));
  }

  @Override
  public void cleanPartial() throws IOException {
    for (Path p : files.list(root)) {
      if (p.getFileName().toString().endsWith(PARTIAL)) {
        files.delete(p);
      }
    }
  }
}
