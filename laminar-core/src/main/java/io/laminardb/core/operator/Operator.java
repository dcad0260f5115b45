package io.laminardb.core.operator;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.state.OperatorState;

/**
 * A node of a running query. It receives batches and watermarks on numbered input ports, in-band, on the
 * single compute thread that owns it (single writer: no locks on operator state), and sends results to its
 * {@link Output}. Within one step every port first receives the step's rows and then its watermark.
 */
public interface Operator {
  /** Called once before any input, on the compute thread. */
  void open(OperatorContext context, Output output);

  /** Processes rows arriving on {@code port}; the batch is only valid for the duration of the call. */
  void onBatch(int port, Batch batch);

  /** The watermark of input {@code port} advanced to {@code watermark} (epoch ms, monotonic per port). */
  void onWatermark(int port, long watermark);

  /**
   * End of the current step. Operators that emit per step (ON UPDATE, CHANGES) or must hold back their
   * watermark until their output is complete do that work here. Called only for operators that answer true
   * to {@link #needsStepEnd()}, upstream operators first, queries in creation (topological) order, so a
   * downstream query always ingests rows before it applies the watermark that follows them.
   */
  default void onStepEnd() {}

  /** Whether {@link #onStepEnd()} must be called. */
  default boolean needsStepEnd() {
    return false;
  }

  /**
   * The operator's checkpointable state, or null for a stateless operator. All state a checkpoint must
   * capture lives behind this contract so durability never touches operator logic.
   */
  default OperatorState state() {
    return null;
  }

  /** One line describing the operator, for EXPLAIN and the topology view. */
  String describe();
}
