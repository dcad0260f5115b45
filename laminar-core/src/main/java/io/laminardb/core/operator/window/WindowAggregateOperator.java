package io.laminardb.core.operator.window;

import io.laminardb.common.collect.IntList;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.LateRowCounter;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.operator.aggregate.AggregateSpec;
import io.laminardb.core.operator.aggregate.DirtySlots;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.aggregate.EmitTicker;
import io.laminardb.core.operator.aggregate.GroupedState;
import io.laminardb.core.operator.aggregate.StepAggregateOperator;
import java.util.Arrays;

/**
 * Tumbling and hopping window aggregation (spec §5, §6.1, §7, algorithm §24.1). Rows are assigned to every
 * window containing their event time that is not yet purged; windows fire when the watermark reaches their
 * end and are purged at end + allowed lateness. Window bookkeeping is ordered by start ({@link OpenWindows}),
 * so a watermark costs O(windows fired or purged), not a scan of all open windows, and recycles the entries
 * of purged windows.
 */
public final class WindowAggregateOperator extends StepAggregateOperator implements LateRowCounter {
  private final AggregateSpec spec;
  private final WindowSpec window;
  private final int timeColumn;
  private final EmitMode mode;
  private final long lateness;
  private final GroupedState state;
  private final OpenWindows windows = new OpenWindows();
  private final DirtySlots dirty = new DirtySlots();
  private int[][] slots;
  private final EmitTicker ticker;
  private long lateRows;

  public WindowAggregateOperator(AggregateSpec spec, WindowSpec window, int timeColumn, long lateness) {
    super(spec.outputSchema());
    this.spec = spec;
    this.window = window;
    this.timeColumn = timeColumn;
    this.mode = spec.emit();
    this.lateness = mode == EmitMode.FINAL ? 0 : lateness;
    this.state = new GroupedState(spec);
    this.slots = new int[window.maxWindowsPerEvent()][64];
    this.ticker = mode == EmitMode.EVERY_INTERVAL ? new EmitTicker(spec.emitIntervalMillis()) : null;
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
    if (slots[0].length < n) {
      for (int i = 0; i < slots.length; i++) {
        slots[i] = new int[Math.max(n, slots[i].length * 2)];
      }
    }
    for (int[] s : slots) {
      Arrays.fill(s, 0, n, -1);
    }
    LongColumn time = batch.longColumn(timeColumn);
    long size = window.size();
    long slide = window.slide();
    for (int r = 0; r < n; r++) {
      if (time.nulls[r]) {
        continue;
      }
      long t = time.values[r];
      long start = window.lastStart(t);
      boolean assigned = false;
      for (int i = 0; i < slots.length && start + size > t; i++, start -= slide) {
        if (watermark != Long.MIN_VALUE && start + size + lateness <= watermark) {
          continue;
        }
        int slot = state.slotFor(batch, r, start);
        if (state.isNew()) {
          OpenWindows.Entry entry = windows.find(start);
          if (entry == null) {
            // A window first seen through a late row (within lateness) has already fired: its end passed.
            entry = windows.open(start, watermark != Long.MIN_VALUE && start + size <= watermark);
          }
          entry.slots.add(slot);
        }
        slots[i][r] = slot;
        assigned = true;
        markDirty(slot, start);
      }
      if (!assigned) {
        lateRows++;
      }
    }
    long[] weights = spec.weightColumn() >= 0 ? batch.longColumn(spec.weightColumn()).values : null;
    for (int[] s : slots) {
      state.add(batch, s, n, weights);
    }
  }

  private void markDirty(int slot, long start) {
    boolean track = switch (mode) {
      case ON_UPDATE, CHANGES, EVERY_INTERVAL -> true;
      case ON_WATERMARK -> watermark != Long.MIN_VALUE && start + window.size() <= watermark;
      default -> false;
    };
    if (track) {
      dirty.mark(slot);
    }
  }




  @Override
  protected void emitStepRows() {
    if (ticker != null && !ticker.due(context.processingTimeMillis())) {
      return;
    }
    try {
      emitDirtyRows();
    } finally {
      state.flushDeletions(context);
    }
  }

  private void emitDirtyRows() {
    for (int i = 0; i < dirty.size(); i++) {
      int slot = dirty.get(i);
      if (!dirty.isMarked(slot)) {
        continue;
      }
      dirty.unmark(slot);
      long start = state.windowStart(slot);
      boolean vanished = state.netWeight(slot) <= 0;
      if (mode == EmitMode.CHANGES) {
        state.emitChange(slot, start, start + window.size(), vanished);
      } else if (vanished) {
        state.recordDeletion(slot);
      } else if (mode == EmitMode.ON_UPDATE || mode == EmitMode.EVERY_INTERVAL) {
        state.appendIfChanged(slot, start, start + window.size(), out);
      } else {
        appendRow(slot, start);
      }
    }
    dirty.clear();
    if (mode == EmitMode.CHANGES) {
      state.drainChanges(out);
    }
  }

  private void appendRow(int slot, long start) {
    state.appendRow(slot, start, start + window.size(), out);
  }

  @Override
  protected void applyWatermark(long newWatermark) {
    long size = window.size();
    boolean emitAtFire = mode == EmitMode.ON_WATERMARK || mode == EmitMode.FINAL
        || mode == EmitMode.EVERY_INTERVAL || (mode == EmitMode.ON_WINDOW_CLOSE && lateness == 0);
    for (int w = 0; w < windows.size() && windows.at(w).start <= newWatermark - size; w++) {
      OpenWindows.Entry entry = windows.at(w);
      if (!entry.fired) {
        entry.fired = true;
        if (emitAtFire) {
          emitWindow(entry);
        }
      }
    }
    while (windows.size() > 0 && windows.at(0).start <= newWatermark - size - lateness) {
      OpenWindows.Entry entry = windows.at(0);
      if (mode == EmitMode.ON_WINDOW_CLOSE && lateness > 0) {
        emitWindow(entry);
      }
      for (int i = 0; i < entry.slots.size(); i++) {
        int slot = entry.slots.get(i);
        dirty.unmark(slot);
        state.release(slot);
      }
      windows.closeFirst();
    }
  }

  private void emitWindow(OpenWindows.Entry entry) {
    for (int i = 0; i < entry.slots.size(); i++) {
      int slot = entry.slots.get(i);
      if (mode == EmitMode.EVERY_INTERVAL && dirty.isMarked(slot)) {
        // The final row at close replaces the pending periodic one.
        dirty.unmark(slot);
      }
      if (state.netWeight(slot) > 0) {
        appendRow(slot, entry.start);
      }
    }
  }

  /** Rows dropped because every window they belong to was already purged. */
  @Override
  public long lateRows() {
    return lateRows;
  }

  @Override
  public io.laminardb.core.state.OperatorState state() {
    return new io.laminardb.core.state.OperatorState() {
      @Override
      public void snapshot(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(watermark);
        out.writeLong(pendingWatermark);
        out.writeLong(lateRows);
        state.snapshot(out);
        out.writeInt(windows.size());
        for (int w = 0; w < windows.size(); w++) {
          OpenWindows.Entry entry = windows.at(w);
          out.writeLong(entry.start);
          out.writeBoolean(entry.fired);
          out.writeInt(entry.slots.size());
          for (int i = 0; i < entry.slots.size(); i++) {
            out.writeInt(entry.slots.get(i));
          }
        }
        IntList pending = new IntList();
        for (int i = 0; i < dirty.size(); i++) {
          if (dirty.isMarked(dirty.get(i))) {
            pending.add(dirty.get(i));
          }
        }
        out.writeInt(pending.size());
        for (int i = 0; i < pending.size(); i++) {
          out.writeInt(pending.get(i));
        }
      }

      @Override
      public void restore(java.io.DataInput in) throws java.io.IOException {
        watermark = in.readLong();
        pendingWatermark = in.readLong();
        lateRows = in.readLong();
        int[] mapping = state.restore(in);
        int windowCount = in.readInt();
        for (int w = 0; w < windowCount; w++) {
          long start = in.readLong();
          OpenWindows.Entry entry = windows.open(start, in.readBoolean());
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            int slot = mapping[in.readInt()];
            entry.slots.add(slot);
          }
        }
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
          int slot = mapping[in.readInt()];
          dirty.mark(slot);
        }
      }

      @Override
      public long sizeBytes() {
        return state.sizeBytes() + 48L * windows.size();
      }
    };
  }

  /** Open windows and groups, for bounded-memory checks. */
  public int openWindows() {
    return windows.size();
  }

  public int openGroups() {
    return state.groupCount();
  }

  @Override
  public String describe() {
    return "WindowAggregate: " + window.describe() + ", emit=" + mode + (lateness > 0 ? ", lateness="
        + lateness + "ms" : "") + ", " + spec.describe();
  }
}
