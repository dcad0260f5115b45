package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.type.DataType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The state of one aggregate function for many groups at once, addressed by slot (a small int handed out by
 * the operator's group table). State lives in primitive arrays indexed by slot, so the steady-state hot path
 * ({@link #add}) allocates nothing for fixed-size aggregates (COUNT, SUM, AVG, MIN/MAX of numbers,
 * FIRST/LAST, variance, BOOL_AND/OR).
 *
 * <p>Single-threaded: owned by one operator on the compute thread.
 */
public interface Accumulator {
  /** Makes slots {@code [0, slots)} addressable, keeping existing state. */
  void ensureCapacity(int slots);

  /** Resets {@code slot} to the empty state (a reused slot starts from nothing). */
  void clear(int slot);

  /**
   * Adds rows {@code [0, rowCount)} of {@code batch}: row {@code r} goes to group {@code slots[r]} (skipped when
   * negative or when {@code include != null && !include[r]}), counted {@code weights[r]} times ({@code +1}
   * when {@code weights} is null; negative weights retract and need {@link #canRetract()}).
   */
  void add(Batch batch, int[] slots, int rowCount, long[] weights, boolean[] include);

  /** Folds the state of {@code source} into {@code target} (session merges); {@code source} is left as is. */
  void merge(int target, int source);

  /** Writes the current result for {@code slot} into {@code out} at {@code row} (NULL when empty). */
  void write(int slot, Column out, int row);

  DataType resultType();

  /** True when negative weights are supported (changelog input). */
  boolean canRetract();

  void snapshot(int slot, DataOutput out) throws IOException;

  void restore(int slot, DataInput in) throws IOException;

  /** Approximate bytes held for {@code slots} groups, for metrics and bounded-memory tests. */
  long sizeBytes(int slots);
}
