package io.laminardb.internal.connector;

import io.laminardb.UntypedSourceHandle;

/**
 * A running source connector: once started it pushes rows into its source through the handle (on its own
 * thread) until stopped. Created per {@code CREATE SOURCE ... FROM <connector> (...)}.
 */
public interface SourceConnector extends AutoCloseable {
  /** Begins producing into {@code target}. Called once, when the database starts (or at CREATE if running). */
  void start(UntypedSourceHandle target);

  /** Stops producing and releases resources; idempotent. */
  @Override
  void close();
}
