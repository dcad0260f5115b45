package io.laminardb.core.checkpoint;

import java.net.URI;
import java.util.Map;

/**
 * Opens a checkpoint store for a URI scheme other than the storage directory ({@code s3://...}). Found by
 * {@link java.util.ServiceLoader}, so a store module keeps its client library out of the database.
 */
public interface CheckpointStoreFactory {
  /** The URI scheme this factory serves, lower case ({@code s3}). */
  String scheme();

  /**
   * Opens the store at {@code location}; {@code options} are store specific (endpoint, credentials).
   * A bad location or option is a {@code LaminarException} with {@code LDB-1xxx}/{@code LDB-6001}.
   */
  CheckpointStore open(URI location, Map<String, String> options);
}
