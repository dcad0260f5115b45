package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;

/**
 * GROUP BY without a window (spec §6.2, algorithm §24.5): after each step, the current row of every group
 * the step changed (an upsert stream by group key), or with EMIT CHANGES retraction pairs. A group whose
 * net weight drops to zero (changelog input) disappears.
 */
public final class GroupAggregateOperator extends StepAggregateOperator {
  private final AggregateSpec spec;
  private final GroupedState state;
  private final DirtySlots dirty = new DirtySlots();
  private int[] slots = new int[64];
  private final EmitTicker ticker;

  public GroupAggregateOperator(AggregateSpec spec) {
    super(spec.outputSchema());
    this.spec = spec;
    this.state = new GroupedState(spec);
    this.ticker = spec.emit() == EmitMode.EVERY_INTERVAL ? new EmitTicker(spec.emitIntervalMillis()) : null;
  }

  @Override
  public void open(OperatorContext operatorContext, Output downstream) {
    super.open(operatorContext, downstream);
    if (ticker != null) {
      ticker.due(context.processingTimeMillis());
    }
  }

  @Override
  public void onBatch(int port, Batch batch) {
    int n = batch.rowCount();
    if (slots.length < n) {
      slots = new int[Math.max(n, slots.length * 2)];
    }
    for (int r = 0; r < n; r++) {
      int slot = state.slotFor(batch, r, 0L);
      slots[r] = slot;
      dirty.mark(slot);
    }
    long[] weights = spec.weightColumn() >= 0 ? batch.longColumn(spec.weightColumn()).values : null;
    state.add(batch, slots, n, weights);
  }



  @Override
  protected void emitStepRows() {
    boolean changes = spec.emit() == EmitMode.CHANGES;
    boolean emitNow = ticker == null || ticker.due(context.processingTimeMillis());
    for (int i = 0; emitNow && i < dirty.size(); i++) {
      int slot = dirty.get(i);
      dirty.unmark(slot);
      boolean vanished = state.netWeight(slot) <= 0;
      if (changes) {
        state.emitChange(slot, 0L, 0L, vanished);
      } else if (!vanished) {
        state.appendIfChanged(slot, 0L, 0L, out);
      } else {
        state.recordDeletion(slot);
      }
      if (vanished) {
        state.release(slot);
      }
    }
    if (emitNow) {
      dirty.clear();
    }
    if (changes) {
      state.drainChanges(out);
    }
    state.flushDeletions(context);
  }

  @Override
  public io.laminardb.core.state.OperatorState state() {
    return new io.laminardb.core.state.OperatorState() {
      @Override
      public void snapshot(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(watermark);
        out.writeLong(pendingWatermark);
        state.snapshot(out);
        int pending = 0;
        for (int i = 0; i < dirty.size(); i++) {
          pending += dirty.isMarked(dirty.get(i)) ? 1 : 0;
        }
        out.writeInt(pending);
        for (int i = 0; i < dirty.size(); i++) {
          if (dirty.isMarked(dirty.get(i))) {
            out.writeInt(dirty.get(i));
          }
        }
      }

      @Override
      public void restore(java.io.DataInput in) throws java.io.IOException {
        watermark = in.readLong();
        pendingWatermark = in.readLong();
        int[] mapping = state.restore(in);
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
          int slot = mapping[in.readInt()];
          dirty.mark(slot);
        }
      }

      @Override
      public long sizeBytes() {
        return state.sizeBytes();
      }
    };
  }

  public int openGroups() {
    return state.groupCount();
  }

  @Override
  public String describe() {
    return "GroupAggregate: emit=" + spec.emit() + ", " + spec.describe();
  }
}
