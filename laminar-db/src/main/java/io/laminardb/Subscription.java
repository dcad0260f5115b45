package io.laminardb;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A live feed of a source, stream or view's output. Every subscriber receives every row emitted after it
 * subscribed. Rows arrive in step order; rows of one step arrive together.
 */
public interface Subscription<T> extends AutoCloseable {
  String name();

  /** The columns of the rows delivered. */
  List<ColumnInfo> columns();

  /** Everything buffered so far; an empty list when nothing is. Never blocks. */
  List<T> poll();

  /** Waits until at least one row is buffered, then returns everything buffered. */
  List<T> recv() throws InterruptedException;

  /** Like {@link #recv()} but fails with {@code LDB-0008} when nothing arrives within {@code timeout}. */
  List<T> recv(Duration timeout) throws InterruptedException;

  /**
   * Hands buffered rows to {@code consumer} one step's batch at a time, at most {@code maxBatches} batches,
   * stopping early when it returns false. Returns the number of batches consumed.
   */
  int pollEach(int maxBatches, Predicate<T> consumer);

  /** Rows discarded because the buffer was full (oldest first). */
  long dropped();

  boolean isActive();

  @Override
  void close();
}
