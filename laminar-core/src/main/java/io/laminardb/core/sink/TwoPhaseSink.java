package io.laminardb.core.sink;

import io.laminardb.core.batch.Batch;
import java.io.IOException;

/**
 * The exactly-once sink contract (spec 14.3): output is grouped into epochs, one per checkpoint, and an
 * epoch becomes visible only once the checkpoint that closes it is durable.
 *
 * <p>Calls and threads: {@link #beginEpoch}, {@link #write} and {@link #preCommit} run on the compute thread
 * (no I/O there: {@code preCommit} only seals the epoch and hands over what must be written);
 * {@link PreparedEpoch#prepare} and {@link #commitEpoch} run on the checkpoint writer thread, in epoch
 * order. The coordinator records the pre-committed epoch in the checkpoint manifest before it commits, so
 * the manifest is the decision record.
 *
 * <p>Presumed abort: on recovery from a checkpoint that closed epoch {@code e}, {@link #recover} re-commits
 * epochs up to {@code e} that were prepared but not yet committed and rolls back everything after {@code e}
 * (the restored state and the replayed input produce that output again).
 */
public interface TwoPhaseSink {
  String name();

  /** Output after this call belongs to {@code epoch}. */
  void beginEpoch(long epoch);

  /** Rows of the current epoch (valid only during the call). */
  void write(Batch rows);

  /** Seals {@code epoch}; the returned work makes it durable but invisible. */
  PreparedEpoch preCommit(long epoch);

  /** Makes every prepared epoch up to {@code epoch} visible (idempotent). */
  void commitEpoch(long epoch) throws IOException;

  /** Discards a prepared, uncommitted epoch (a checkpoint that failed after its pre-commit). */
  void rollbackEpoch(long epoch) throws IOException;

  /** Presumed abort after a restart; {@code lastCheckpointedEpoch} is 0 when no checkpoint was restored. */
  void recover(long lastCheckpointedEpoch) throws IOException;

  /** State the sink keeps across epochs (an upsert sink's current rows), checkpointed with the operators. */
  default io.laminardb.core.state.OperatorState state() {
    return null;
  }

  /** The durable-but-invisible half of a pre-commit. */
  interface PreparedEpoch {
    void prepare() throws IOException;
  }
}
