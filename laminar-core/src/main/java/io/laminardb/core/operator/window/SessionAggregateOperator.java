package io.laminardb.core.operator.window;

import io.laminardb.common.collect.IntList;
import io.laminardb.common.collect.TimerHeap;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.LateRowCounter;
import io.laminardb.core.operator.aggregate.AggregateSpec;
import io.laminardb.core.operator.aggregate.DirtySlots;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.aggregate.GroupTable;
import io.laminardb.core.operator.aggregate.GroupedState;
import io.laminardb.core.operator.aggregate.StepAggregateOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Session windows per group key (spec §5.3, algorithm §24.2). A session is {@code [first, last + gap)}; an
 * event joins every session of its key it touches (inclusive at both ends), merging them when it bridges
 * several. Sessions fire when the watermark reaches their end and are purged at end + lateness; sessions
 * have timers in a heap by end, so a watermark costs O(sessions fired · log n).
 */
public final class SessionAggregateOperator extends StepAggregateOperator implements LateRowCounter {
  private final AggregateSpec spec;
  private final long gap;
  private final int timeColumn;
  private final EmitMode mode;
  private final long lateness;
  private final GroupedState state;
  private final GroupTable keys;
  private final List<IntList> sessionsByKey = new ArrayList<>();
  private long[] starts = new long[16];
  private long[] ends = new long[16];
  private int[] keyOf = new int[16];
  private boolean[] fired = new boolean[16];
  private int[] redirect = new int[16];
  /** Timers by session end (fire) and by end + lateness (purge); stale entries are skipped by stamp. */
  private final TimerHeap fireTimers = new TimerHeap();
  private final TimerHeap purgeTimers = new TimerHeap();
  private long[] stamps = new long[16];
  private final DirtySlots dirty = new DirtySlots();
  private final IntList retired = new IntList();
  private int[] slots = new int[64];
  private long nextSessionId;
  private long lateRows;
  private final io.laminardb.core.operator.aggregate.EmitTicker ticker;

  public SessionAggregateOperator(AggregateSpec spec, long gap, int timeColumn, long lateness) {
    super(spec.outputSchema());
    this.spec = spec;
    this.gap = gap;
    this.timeColumn = timeColumn;
    this.mode = spec.emit();
    this.lateness = mode == EmitMode.FINAL ? 0 : lateness;
    this.state = new GroupedState(spec);
    this.keys = new GroupTable(spec.inputSchema(), spec.keyColumns());
    this.ticker = mode == EmitMode.EVERY_INTERVAL
        ? new io.laminardb.core.operator.aggregate.EmitTicker(spec.emitIntervalMillis()) : null;
    Arrays.fill(redirect, -1);
  }

  @Override
  public void open(io.laminardb.core.operator.OperatorContext operatorContext,
      io.laminardb.core.operator.Output downstream) {
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
    LongColumn time = batch.longColumn(timeColumn);
    for (int r = 0; r < n; r++) {
      slots[r] = -1;
      if (time.nulls[r]) {
        continue;
      }
      long t = time.values[r];
      if (watermark != Long.MIN_VALUE && t + gap + lateness <= watermark) {
        lateRows++;
        continue;
      }
      slots[r] = assign(batch, r, t);
    }
    for (int r = 0; r < n; r++) {
      int s = slots[r];
      while (s >= 0 && redirect[s] >= 0) {
        s = redirect[s];
      }
      slots[r] = s;
    }
    long[] weights = spec.weightColumn() >= 0 ? batch.longColumn(spec.weightColumn()).values : null;
    state.add(batch, slots, n, weights);
    for (int i = 0; i < retired.size(); i++) {
      int slot = retired.get(i);
      redirect[slot] = -1;
      state.release(slot);
    }
    retired.clear();
  }

  /** Finds, extends or merges the sessions of {@code row}'s key for an event at {@code t}. */
  private int assign(Batch batch, int row, long t) {
    int key = keys.findOrInsert(batch, row, 0L);
    while (sessionsByKey.size() <= key) {
      sessionsByKey.add(new IntList(2));
    }
    IntList sessions = sessionsByKey.get(key);
    int target = -1;
    long start = t;
    long end = t + gap;
    for (int i = 0; i < sessions.size(); i++) {
      int s = sessions.get(i);
      if (starts[s] <= t + gap && ends[s] >= t) {
        start = Math.min(start, starts[s]);
        end = Math.max(end, ends[s]);
        if (target < 0) {
          target = s;
        } else {
          mergeInto(target, s);
          sessions.removeSwap(i);
          i--;
        }
      }
    }
    boolean created = target < 0;
    if (created) {
      target = state.slotFor(batch, row, nextSessionId++);
      grow(target);
      keyOf[target] = key;
      fired[target] = false;
      sessions.add(target);
    }
    if (!created && starts[target] != start) {
      // Upsert output is keyed by (group, session start): the row emitted under the old start is withdrawn.
      state.recordDeletion(target);
    }
    starts[target] = start;
    if (created || ends[target] != end) {
      ends[target] = end;
      schedule(target);
    }
    markDirty(target);
    return target;
  }

  private void mergeInto(int target, int source) {
    state.merge(target, source);
    stamps[source]++;
    if (mode == EmitMode.CHANGES) {
      state.emitChange(source, starts[source], ends[source], true);
    } else {
      state.recordDeletion(source);
    }
    redirect[source] = target;
    dirty.unmark(source);
    retired.add(source);
  }

  /** (Re)arms the session's fire and purge timers; older timers of the slot become stale. */
  private void schedule(int slot) {
    long stamp = ++stamps[slot];
    fireTimers.push(ends[slot], slot, stamp);
    purgeTimers.push(ends[slot] + lateness, slot, stamp);
  }

  private void grow(int slot) {
    if (slot >= starts.length) {
      int size = Math.max(slot + 1, starts.length * 2);
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      keyOf = Arrays.copyOf(keyOf, size);
      fired = Arrays.copyOf(fired, size);
      stamps = Arrays.copyOf(stamps, size);
      int old = redirect.length;
      redirect = Arrays.copyOf(redirect, size);
      Arrays.fill(redirect, old, size, -1);
    }
  }

  private void markDirty(int slot) {
    boolean track = switch (mode) {
      case ON_UPDATE, CHANGES, EVERY_INTERVAL -> true;
      case ON_WATERMARK -> fired[slot];
      default -> false;
    };
    if (track) {
      dirty.mark(slot);
    }
  }



  @Override
  protected void emitStepRows() {
    if (ticker != null && !ticker.due(context.processingTimeMillis())) {
      state.flushDeletions(context);
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
      boolean vanished = state.netWeight(slot) <= 0;
      if (mode == EmitMode.CHANGES) {
        state.emitChange(slot, starts[slot], ends[slot], vanished);
      } else if (vanished) {
        continue;
      } else if (mode == EmitMode.ON_UPDATE || mode == EmitMode.EVERY_INTERVAL) {
        state.appendIfChanged(slot, starts[slot], ends[slot], out);
      } else {
        state.appendRow(slot, starts[slot], ends[slot], out);
      }
    }
    dirty.clear();
    if (mode == EmitMode.CHANGES) {
      state.drainChanges(out);
    }
  }

  @Override
  protected void applyWatermark(long newWatermark) {
    // ON WINDOW CLOSE with lateness waits for end + lateness and emits once (§24.2); without lateness fire
    // and purge coincide.
    boolean emitAtFire = mode == EmitMode.ON_WATERMARK || mode == EmitMode.FINAL
        || mode == EmitMode.EVERY_INTERVAL || (mode == EmitMode.ON_WINDOW_CLOSE && lateness == 0);
    while (!fireTimers.isEmpty() && fireTimers.peekTime() <= newWatermark) {
      int slot = fireTimers.peekSlot();
      boolean live = fireTimers.peekStamp() == stamps[slot];
      fireTimers.pop();
      if (live && !fired[slot]) {
        fired[slot] = true;
        if (mode == EmitMode.EVERY_INTERVAL) {
          // The final row at close replaces the pending periodic one.
          dirty.unmark(slot);
        }
        if (emitAtFire && state.netWeight(slot) > 0) {
          state.appendRow(slot, starts[slot], ends[slot], out);
        }
      }
    }
    while (!purgeTimers.isEmpty() && purgeTimers.peekTime() <= newWatermark) {
      int slot = purgeTimers.peekSlot();
      boolean live = purgeTimers.peekStamp() == stamps[slot];
      purgeTimers.pop();
      if (!live) {
        continue;
      }
      if (mode == EmitMode.ON_WINDOW_CLOSE && lateness > 0 && state.netWeight(slot) > 0) {
        state.appendRow(slot, starts[slot], ends[slot], out);
      }
      IntList sessions = sessionsByKey.get(keyOf[slot]);
      for (int j = 0; j < sessions.size(); j++) {
        if (sessions.get(j) == slot) {
          sessions.removeSwap(j);
          break;
        }
      }
      stamps[slot]++;
      dirty.unmark(slot);
      state.release(slot);
    }
  }

  @Override
  public io.laminardb.core.state.OperatorState state() {
    return new io.laminardb.core.state.OperatorState() {
      @Override
      public void snapshot(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(watermark);
        out.writeLong(pendingWatermark);
        out.writeLong(lateRows);
        out.writeLong(nextSessionId);
        state.snapshot(out);
        int count = 0;
        for (IntList sessions : sessionsByKey) {
          count += sessions.size();
        }
        out.writeInt(count);
        for (IntList sessions : sessionsByKey) {
          for (int i = 0; i < sessions.size(); i++) {
            int slot = sessions.get(i);
            out.writeInt(slot);
            out.writeLong(starts[slot]);
            out.writeLong(ends[slot]);
            out.writeBoolean(fired[slot]);
            out.writeBoolean(dirty.isMarked(slot));
          }
        }
      }

      @Override
      public void restore(java.io.DataInput in) throws java.io.IOException {
        watermark = in.readLong();
        pendingWatermark = in.readLong();
        lateRows = in.readLong();
        nextSessionId = in.readLong();
        int[] mapping = state.restore(in);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          int slot = mapping[in.readInt()];
          grow(slot);
          starts[slot] = in.readLong();
          ends[slot] = in.readLong();
          fired[slot] = in.readBoolean();
          if (in.readBoolean()) {
            dirty.mark(slot);
          }
          int key = keys.findOrInsertStored(state.keyStore(), slot, 0L);
          while (sessionsByKey.size() <= key) {
            sessionsByKey.add(new IntList(2));
          }
          keyOf[slot] = key;
          sessionsByKey.get(key).add(slot);
          schedule(slot);
        }
      }

      @Override
      public long sizeBytes() {
        return state.sizeBytes() + 40L * state.groupCount();
      }
    };
  }

  @Override
  public long lateRows() {
    return lateRows;
  }

  public int openSessions() {
    return state.groupCount();
  }

  @Override
  public String describe() {
    return "SessionAggregate: gap=" + gap + "ms, emit=" + mode + (lateness > 0 ? ", lateness=" + lateness
        + "ms" : "") + ", " + spec.describe();
  }
}
