package io.laminardb;

import java.util.Collection;

/**
 * Pushes Java records or POJOs into a source. Fields map to columns by position: the i-th record component
 * (or declared instance field) is the i-th column. Thread-safe.
 */
public interface SourceHandle<T> {
  String name();

  /** Pushes one event as one step; false when rejected by {@link Backpressure#REJECT}. */
  boolean push(T event);

  /** Pushes events as one step; returns how many were accepted (all, or 0 when rejected). */
  int pushBatch(Collection<? extends T> events);

  void watermark(long epochMillis);

  long currentWatermark();

  long pending();

  long capacity();

  boolean isBackpressured();

  /** The untyped view of the same source. */
  UntypedSourceHandle untyped();
}
