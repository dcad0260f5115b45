package io.laminardb.core.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The checkpointable state of one operator. A snapshot taken between two steps, restored into a fresh
 * operator of the same spec, must make it behave exactly as the original would from that point on.
 */
public interface OperatorState {
  void snapshot(DataOutput out) throws IOException;

  void restore(DataInput in) throws IOException;

  /** Approximate bytes held, for metrics and bounded-memory tests. */
  long sizeBytes();
}
