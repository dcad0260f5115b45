package io.laminardb;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.net.URI;
import java.util.Map;

/**
 * Where checkpoints are written when not under the storage directory, for example
 * {@code s3://bucket/prefix}. The catalog and the write-ahead log stay in the storage directory. The store
 * for the URI's scheme is found on the classpath at open time ({@code laminar-storage-s3} serves {@code s3}).
 *
 * @param location the store's URI; its scheme selects the store
 * @param options store-specific settings (for S3: endpoint, region, access_key_id, secret_access_key,
 *     path_style)
 */
public record CheckpointStorage(URI location, Map<String, String> options) {
  public CheckpointStorage {
    if (location == null || location.getScheme() == null) {
      throw new LaminarException(ErrorCode.INVALID_CONFIG, "checkpoint storage needs a URI with a scheme, such as"
          + " s3://bucket/prefix; got " + location);
    }
    options = Map.copyOf(options);
  }

  /** {@code location} with no options: credentials and endpoint come from the store's defaults. */
  public static CheckpointStorage of(URI location) {
    return new CheckpointStorage(location, Map.of());
  }

  @Override
  public String toString() {
    // Options may hold secrets.
    return "CheckpointStorage[" + location + ", options=" + options.keySet() + "]";
  }
}
