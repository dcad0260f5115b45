package io.laminardb.core.operator.join;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.time.Watermarks;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * ASOF join (spec §10.2, §24.4) and, with {@code BACKWARD} and no tolerance, the temporal join
 * {@code FOR SYSTEM_TIME AS OF} (§10.3). Port 0 is the left input, port 1 the right.
 *
 * <p>A left row is matched when it arrives, against the right rows received so far, and emitted at once:
 * with the chosen right row, or NULL-padded when none qualifies (or dropped, for an inner temporal join).
 * Later right rows never change emitted output. Right rows are kept per key in time order and pruned by the
 * left watermark to what a future left row could still pick. On a changelog right side (a {@code __weight}
 * column) retractions are ignored: versions are append-only (spec §22 C17).
 */
public final class AsofJoinOperator implements Operator {
  private final JoinLayout layout;
  private final AsofDirection direction;
  private final boolean strict;
  private final long tolerance;
  private final boolean keepsUnmatched;
  private final int rightWeight;
  private final TimeIndex index;
  /** Per-port watermarks (IDLE for an idle input) and the last one forwarded: min over non-idle ports. */
  private final long[] portWatermarks = {Long.MIN_VALUE, Long.MIN_VALUE};
  private long emittedWatermark = Long.MIN_VALUE;
  private final Column[] columns;
  private final Batch out;
  private Output output;
  private long leftWatermark = Long.MIN_VALUE;

  /**
   * @param tolerance the largest allowed distance in ms, or {@link Long#MAX_VALUE} for none
   * @param rightWeight the right side's {@code __weight} column, or -1
   */
  public AsofJoinOperator(JoinLayout layout, AsofDirection direction, boolean strict, long tolerance,
      boolean keepsUnmatched, int rightWeight) {
    this.layout = layout;
    this.direction = direction;
    this.strict = strict;
    this.tolerance = tolerance;
    this.keepsUnmatched = keepsUnmatched;
    this.rightWeight = rightWeight;
    this.index = new TimeIndex(layout.rightSchema(), layout.rightKeys());
    this.columns = new Column[Math.max(layout.leftSchema().size(), layout.rightSchema().size())];
    this.out = new Batch(layout.outputSchema(), 64);
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
  }

  @Override
  public void onBatch(int port, Batch batch) {
    for (int c = 0; c < batch.columnCount(); c++) {
      columns[c] = batch.column(c);
    }
    if (port == 1) {
      addRight(batch);
    } else {
      probe(batch);
    }
  }

  private void addRight(Batch batch) {
    int[] keys = layout.rightKeys();
    int timeColumn = layout.rightTime();
    long[] times = batch.longColumn(timeColumn).values;
    boolean[] timeNulls = batch.column(timeColumn).nulls;
    long[] weights = rightWeight >= 0 ? batch.longColumn(rightWeight).values : null;
    for (int r = 0, n = batch.rowCount(); r < n; r++) {
      if (timeNulls[r] || JoinKeys.hasNull(columns, keys, r) || weights != null && weights[r] < 0) {
        continue;
      }
      index.add(batch, r, columns, JoinKeys.hash(columns, keys, r), times[r]);
    }
  }

  private void probe(Batch batch) {
    int[] keys = layout.leftKeys();
    int timeColumn = layout.leftTime();
    long[] times = batch.longColumn(timeColumn).values;
    boolean[] timeNulls = batch.column(timeColumn).nulls;
    int leftWidth = layout.leftSchema().size();
    for (int r = 0, n = batch.rowCount(); r < n; r++) {
      int slot = -1;
      if (!timeNulls[r] && !JoinKeys.hasNull(columns, keys, r)) {
        int g = index.find(JoinKeys.hash(columns, keys, r), columns, keys, r);
        if (g >= 0) {
          slot = pick(g, times[r]);
        }
      }
      if (slot < 0 && !keepsUnmatched) {
        continue;
      }
      int o = out.rowCount();
      out.ensureCapacity(o + 1);
      out.setRowCount(o + 1);
      for (int c = 0; c < leftWidth; c++) {
        out.column(c).copyRow(batch.column(c), r, o);
      }
      if (slot >= 0) {
        index.rows.copyTo(slot, out, o, leftWidth);
      } else {
        for (int c = leftWidth; c < out.columnCount(); c++) {
          out.column(c).setStored(o, null);
        }
      }
    }
    if (out.rowCount() > 0) {
      output.emit(out);
      out.clear();
    }
  }

  /** The slot of the right row chosen for a left row at {@code t}, or -1. */
  private int pick(int g, long t) {
    int start = index.start(g);
    int end = index.end(g);
    int back = -1;
    int forward = -1;
    if (direction != AsofDirection.FORWARD) {
      // Latest time <= t (< t when strict); among equal times the last index, the most recent arrival.
      int i = (strict ? index.lowerBound(g, t) : index.upperBound(g, t)) - 1;
      back = i >= start ? i : -1;
    }
    if (direction != AsofDirection.BACKWARD) {
      int i = strict ? index.upperBound(g, t) : index.lowerBound(g, t);
      if (i < end) {
        forward = index.upperBound(g, index.time(g, i)) - 1;
      }
    }
    int chosen;
    if (back >= 0 && forward >= 0) {
      chosen = t - index.time(g, back) <= index.time(g, forward) - t ? back : forward;
    } else {
      chosen = back >= 0 ? back : forward;
    }
    if (chosen < 0 || Math.abs(t - index.time(g, chosen)) > tolerance) {
      return -1;
    }
    return index.slot(g, chosen);
  }

  @Override
  public void onWatermark(int port, long watermark) {
    if (port == 0 && watermark != Watermarks.IDLE && watermark > leftWatermark) {
      leftWatermark = watermark;
      prune();
    }
    if (watermark == Watermarks.IDLE || watermark > portWatermarks[port]
        || portWatermarks[port] == Watermarks.IDLE) {
      portWatermarks[port] = watermark;
    }
    long min = Math.min(portWatermarks[0], portWatermarks[1]);
    if (min != Watermarks.IDLE && min > emittedWatermark) {
      emittedWatermark = min;
      output.emitWatermark(min);
    }
  }

  /** Drops right rows no left row at or after the left watermark can pick. */
  private void prune() {
    long w = leftWatermark;
    long floor = tolerance == Long.MAX_VALUE ? Long.MIN_VALUE : IntervalJoinOperator.saturatingAdd(w, -tolerance);
    for (int g = 0, n = index.groupCount(); g < n; g++) {
      if (!index.isLive(g)) {
        continue;
      }
      int keepFrom;
      if (direction == AsofDirection.FORWARD) {
        keepFrom = index.lowerBound(g, w);
      } else {
        // The latest row at or before w stays: a left row at w or later may still pick it.
        int latest = (strict ? index.lowerBound(g, w) : index.upperBound(g, w)) - 1;
        keepFrom = Math.max(index.start(g), latest);
        if (latest >= index.start(g) && index.time(g, latest) < floor) {
          keepFrom = latest + 1;
        }
      }
      if (keepFrom > index.start(g)) {
        index.dropBefore(g, keepFrom);
      }
    }
  }

  /** Right rows kept, for tests. */
  public int keptRight() {
    return index.size();
  }

  @Override
  public OperatorState state() {
    return new OperatorState() {
      @Override
      public void snapshot(DataOutput o) throws IOException {
        o.writeLong(leftWatermark);
        o.writeLong(portWatermarks[0]);
        o.writeLong(portWatermarks[1]);
        o.writeLong(emittedWatermark);
        index.write(o);
      }

      @Override
      public void restore(DataInput in) throws IOException {
        leftWatermark = in.readLong();
        portWatermarks[0] = in.readLong();
        portWatermarks[1] = in.readLong();
        emittedWatermark = in.readLong();
        index.read(in);
      }

      @Override
      public long sizeBytes() {
        return index.sizeBytes();
      }
    };
  }

  @Override
  public String describe() {
    String cmp = switch (direction) {
      case BACKWARD -> strict ? "left.time > right.time" : "left.time >= right.time";
      case FORWARD -> strict ? "left.time < right.time" : "left.time <= right.time";
      case NEAREST -> "nearest";
    };
    return "AsofJoin: " + cmp + (tolerance == Long.MAX_VALUE ? "" : ", tolerance " + tolerance + " ms")
        + (keepsUnmatched ? ", unmatched left rows NULL-padded" : ", unmatched left rows dropped")
        + ", keys " + java.util.Arrays.toString(layout.leftKeys()) + " = "
        + java.util.Arrays.toString(layout.rightKeys());
  }
}
