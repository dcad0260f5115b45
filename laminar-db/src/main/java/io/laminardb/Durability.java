package io.laminardb;

/** When a push is acknowledged relative to the disk (needs {@code storageDir}). */
public enum Durability {
  /** No write-ahead log: after a crash the recovery point is the last checkpoint. */
  NONE,
  /**
   * Pushes are logged and a push returns once its rows are on disk; concurrent pushes share one fsync
   * (group commit).
   */
  GROUP,
  /** Pushes are logged and each push fsyncs on its own before it returns. */
  EVERY_PUSH
}
