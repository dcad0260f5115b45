package io.laminardb;

/** What a push does when its source's buffer is full. */
public enum Backpressure {
  /** The pushing thread waits until the engine has caught up. */
  BLOCK,
  /** The push is refused: {@code push} returns false, nothing of the batch is ingested. */
  REJECT
}
