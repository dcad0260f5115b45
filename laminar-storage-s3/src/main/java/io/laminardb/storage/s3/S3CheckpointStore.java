package io.laminardb.storage.s3;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.checkpoint.CheckpointManifest;
import io.laminardb.core.checkpoint.CheckpointStore;
import io.laminardb.core.checkpoint.ManifestCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Checkpoints as objects {@code <prefix>/checkpoint-<id>/<file>} in one bucket. Object stores have no
 * atomic rename, so the manifest is the commit point: every state object is uploaded first and the manifest
 * last; a checkpoint without a manifest is a partial write that {@link #ids()} ignores and
 * {@link #cleanPartial()} removes. Loads verify lengths and CRC32C exactly like the local store.
 */
public final class S3CheckpointStore implements CheckpointStore {
  static final String MANIFEST = "manifest.json";
  private static final String DIR_PREFIX = "checkpoint-";
  private static final int ID_DIGITS = 20;
  /** DeleteObjects accepts at most this many keys per request. */
  private static final int DELETE_BATCH = 1000;

  private final S3Client s3;
  private final String bucket;
  /** Key prefix ending in '/', or empty for the bucket root. */
  private final String prefix;
  private final S3Errors errors;
  private final boolean ownsClient;

  /** A store over {@code client}; with {@code ownsClient} {@link #close()} closes the client too. */
  public S3CheckpointStore(S3Client s3, String bucket, String prefix, boolean ownsClient) {
    this.s3 = s3;
    this.ownsClient = ownsClient;
    this.bucket = bucket;
    String p = prefix == null ? "" : prefix;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    this.errors = new S3Errors(bucket, this.prefix);
  }

  /** The location as a URI, for messages: {@code s3://bucket/prefix}. */
  public String location() {
    return "s3://" + bucket + "/" + prefix;
  }

  /** Fails fast when the bucket is missing, the credentials are refused or the server is unreachable. */
  public void checkReachable() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      throw errors.failed(ErrorCode.CHECKPOINT_FAILED, "opening checkpoint storage", e);
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }

  String dirKey(long id) {
    return prefix + DIR_PREFIX + String.format("%0" + ID_DIGITS + "d", id) + "/";
  }

  @Override
  public void save(CheckpointManifest manifest, Map<String, byte[]> files) {
    long id = manifest.checkpointId();
    String dir = dirKey(id);
    // Leftovers of an earlier failed attempt at this id must not mix with the new objects.
    deleteKeys(list(dir), id);
    List<String> written = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        put(dir + e.getKey(), e.getValue(), id);
        written.add(dir + e.getKey());
      }
      put(dir + MANIFEST, ManifestCodec.encode(manifest), id);
    } catch (RuntimeException e) {
      try {
        deleteKeys(written, id);
      } catch (RuntimeException cleanup) {
        // cleanPartial() removes what is left on the next open.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void put(String key, byte[] data, long id) {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) data.length), RequestBody.fromBytes(data));
    } catch (SdkException e) {
      throw errors.failed(ErrorCode.CHECKPOINT_FAILED, "checkpoint " + id + ": uploading " + key, e);
    }
  }

  @Override
  public List<Long> ids() {
    List<Long> ids = new ArrayList<>();
    for (Map.Entry<Long, List<String>> e : objectsById().entrySet()) {
      for (String key : e.getValue()) {
        if (key.endsWith("/" + MANIFEST)) {
          ids.add(e.getKey());
          break;
        }
      }
    }
    return ids;
  }

  @Override
  public CheckpointManifest readManifest(long id) {
    byte[] bytes = get(dirKey(id) + MANIFEST, id);
    if (bytes == null) {
      throw corrupt("checkpoint " + id + " has no manifest in " + location());
    }
    CheckpointManifest manifest = ManifestCodec.decode(bytes);
    if (manifest.checkpointId() != id) {
      throw corrupt("checkpoint object " + dirKey(id) + " holds the manifest of " + manifest.checkpointId());
    }
    return manifest;
  }

  @Override
  public LoadedCheckpoint load(long id) {
    CheckpointManifest manifest = readManifest(id);
    String dir = dirKey(id);
    Map<String, byte[]> states = new LinkedHashMap<>();
    for (CheckpointManifest.StateEntry s : manifest.states()) {
      byte[] data = get(dir + s.file(), id);
      if (data == null) {
        throw corrupt("checkpoint " + id + ": state object " + s.file() + " is missing");
      }
      if (data.length != s.length() || ManifestCodec.crc(data) != s.crc32c()) {
        throw corrupt("checkpoint " + id + ": state object " + s.file() + " fails its checksum ("
            + data.length + " bytes, expected " + s.length() + ")");
      }
      states.put(s.key(), data);
    }
    return new LoadedCheckpoint(manifest, states);
  }

  /** The object's bytes, or null when it does not exist. */
  private byte[] get(String key, long id) {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      return null;
    } catch (SdkException e) {
      throw errors.failed(ErrorCode.CHECKPOINT_FAILED, "checkpoint " + id + ": reading " + key, e);
    }
  }

  @Override
  public void delete(long id) {
    // The manifest goes first, so a delete cut short leaves a partial checkpoint, never a damaged one.
    List<String> keys = list(dirKey(id));
    String manifest = dirKey(id) + MANIFEST;
    if (keys.remove(manifest)) {
      deleteKeys(List.of(manifest), id);
    }
    deleteKeys(keys, id);
  }

  @Override
  public void cleanPartial() {
    for (Map.Entry<Long, List<String>> e : objectsById().entrySet()) {
      boolean complete = false;
      for (String key : e.getValue()) {
        complete |= key.endsWith("/" + MANIFEST);
      }
      if (!complete) {
        deleteKeys(e.getValue(), e.getKey());
      }
    }
  }

  /** Every checkpoint object key, grouped by checkpoint id (ascending). */
  private TreeMap<Long, List<String>> objectsById() {
    TreeMap<Long, List<String>> byId = new TreeMap<>();
    String root = prefix + DIR_PREFIX;
    for (String key : list(root)) {
      int slash = key.indexOf('/', root.length());
      if (slash != root.length() + ID_DIGITS) {
        continue;
      }
      long id;
      try {
        id = Long.parseLong(key.substring(root.length(), slash));
      } catch (NumberFormatException ignored) {
        continue; // not ours
      }
      byId.computeIfAbsent(id, k -> new ArrayList<>()).add(key);
    }
    return byId;
  }

  private List<String> list(String keyPrefix) {
    List<String> keys = new ArrayList<>();
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keyPrefix)).contents()) {
        keys.add(o.key());
      }
    } catch (SdkException e) {
      throw errors.failed(ErrorCode.CHECKPOINT_FAILED, "listing checkpoints", e);
    }
    return keys;
  }

  private void deleteKeys(List<String> keys, long id) {
    TreeSet<String> sorted = new TreeSet<>(keys);
    List<ObjectIdentifier> batch = new ArrayList<>();
    for (String key : sorted) {
      batch.add(ObjectIdentifier.builder().key(key).build());
      if (batch.size() == DELETE_BATCH) {
        deleteBatch(batch, id);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      deleteBatch(batch, id);
    }
  }

  private void deleteBatch(List<ObjectIdentifier> batch, long id) {
    try {
      var response = s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true)
          .build()));
      if (response.hasErrors() && !response.errors().isEmpty()) {
        var first = response.errors().get(0);
        throw new LaminarException(ErrorCode.CHECKPOINT_FAILED, "checkpoint " + id + ": deleting " + first.key()
            + " from " + location() + " failed: " + first.code() + " " + first.message());
      }
    } catch (SdkException e) {
      throw errors.failed(ErrorCode.CHECKPOINT_FAILED, "checkpoint " + id + ": deleting objects", e);
    }
  }

  private static LaminarException corrupt(String why) {
    return new LaminarException(ErrorCode.CHECKPOINT_CORRUPT, why);
  }
}
