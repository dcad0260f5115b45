package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.time.Watermarks;
import io.laminardb.core.type.Schema;

/**
 * The step skeleton every aggregate shares: the watermark of a step is held until the step ends; then the
 * operator emits the step's rows (per-step modes), applies the watermark (firing and purging), sends all rows
 * as one batch and only then forwards the watermark, so downstream ingests rows before the watermark.
 */
public abstract class StepAggregateOperator implements Operator {
  protected final Batch out;
  protected OperatorContext context;
  protected Output output;
  /** The watermark applied at the end of the last step. */
  protected long watermark = Long.MIN_VALUE;
  /** The largest watermark received during the current step. */
  protected long pendingWatermark = Long.MIN_VALUE;

  protected StepAggregateOperator(Schema outputSchema) {
    this.out = new Batch(outputSchema, 64);
  }

  @Override
  public void open(OperatorContext operatorContext, Output downstream) {
    this.context = operatorContext;
    this.output = downstream;
  }

  @Override
  public final void onWatermark(int port, long newWatermark) {
    if (newWatermark != Watermarks.IDLE && newWatermark > pendingWatermark) {
      pendingWatermark = newWatermark;
    }
  }

  @Override
  public final boolean needsStepEnd() {
    return true;
  }

  @Override
  public final void onStepEnd() {
    out.clear();
    emitStepRows();
    boolean advanced = pendingWatermark > watermark;
    if (advanced) {
      applyWatermark(pendingWatermark);
      watermark = pendingWatermark;
    }
    if (out.rowCount() > 0) {
      output.emit(out);
    }
    if (advanced) {
      output.emitWatermark(watermark);
    }
  }

  /** Appends to {@link #out} what the step's changes emit (ON UPDATE, CHANGES, late updates, ...). */
  protected abstract void emitStepRows();

  /** Fires and purges for a watermark that advanced to {@code newWatermark}; rows go to {@link #out}. */
  protected void applyWatermark(long newWatermark) {}
}
