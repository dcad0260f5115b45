package io.laminardb.core.operator.join;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.time.Watermarks;
import io.laminardb.core.type.Schema;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Stream-stream interval join (spec §10.1, §24.3): a left row at {@code t} and a right row at {@code u}
 * with equal keys match iff {@code t + lower <= u <= t + upper}. Port 0 is the left input, port 1 the right.
 *
 * <p>Symmetric hash join: each arriving row probes the other side's kept rows and is then kept itself, so
 * every pair is emitted exactly once, when its later row arrives. A left row is evicted once the right
 * watermark passes {@code t + upper}, a right row once the left watermark passes {@code u - lower}; an outer
 * row that never matched is emitted NULL-padded at that moment. Late rows are never dropped: they probe what
 * is still kept. Rows with a NULL key or NULL event time never match (outer joins emit them at once).
 *
 * <p>Changelog input (spec §10.1 rule 5; INNER joins): a row with a negative {@code __weight} takes one kept
 * row with the same columns out of its side and retracts the pairs it forms with the other side's kept rows
 * (the pairs the inserted row produced, as long as both are kept). The output weight, in the left side's
 * {@code __weight} column, is the product of the pair's weights.
 */
public final class IntervalJoinOperator implements Operator {
  private final JoinLayout spec;
  private final long lower;
  private final long upper;
  private final KeyedRows left;
  private final KeyedRows right;
  private final Column[] probeColumns;
  /** {@code __weight} column of each input, or -1 (append-only). */
  private final int leftWeight;
  private final int rightWeight;
  private final Batch out;
  private Output output;
  private long leftWatermark = Long.MIN_VALUE;
  private long rightWatermark = Long.MIN_VALUE;
  private boolean leftIdle;
  private boolean rightIdle;
  private long emittedWatermark = Long.MIN_VALUE;

  public IntervalJoinOperator(JoinLayout spec, long lower, long upper) {
    this.spec = spec;
    this.lower = lower;
    this.upper = upper;
    this.left = new KeyedRows(spec.leftSchema());
    this.right = new KeyedRows(spec.rightSchema());
    this.probeColumns = new Column[Math.max(spec.leftSchema().size(), spec.rightSchema().size())];
    this.leftWeight = spec.leftSchema().indexOf("__weight");
    this.rightWeight = spec.rightSchema().indexOf("__weight");
    this.out = new Batch(spec.outputSchema(), 64);
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
  }

  @Override
  public void onBatch(int port, Batch batch) {
    boolean isLeft = port == 0;
    KeyedRows own = isLeft ? left : right;
    KeyedRows other = isLeft ? right : left;
    int[] ownKeys = isLeft ? spec.leftKeys() : spec.rightKeys();
    int[] otherKeys = isLeft ? spec.rightKeys() : spec.leftKeys();
    int ownTime = isLeft ? spec.leftTime() : spec.rightTime();
    boolean keepsUnmatched = isLeft ? spec.type().keepsUnmatchedLeft() || spec.type() == JoinType.ANTI
        : spec.type().keepsUnmatchedRight();
    Column[] columns = probeColumns;
    for (int c = 0; c < batch.columnCount(); c++) {
      columns[c] = batch.column(c);
    }
    long[] times = batch.longColumn(ownTime).values;
    boolean[] timeNulls = batch.column(ownTime).nulls;
    int ownWeight = isLeft ? leftWeight : rightWeight;
    long[] weights = ownWeight >= 0 ? batch.longColumn(ownWeight).values : null;
    for (int r = 0, n = batch.rowCount(); r < n; r++) {
      boolean isRetraction = weights != null && weights[r] < 0;
      if (timeNulls[r] || JoinKeys.hasNull(columns, ownKeys, r)) {
        if (keepsUnmatched) {
          emitUnmatched(isLeft, batch, r);
        }
        continue;
      }
      long t = times[r];
      long hash = JoinKeys.hash(columns, ownKeys, r);
      // The other side's rows this row may match: u in [t + lower, t + upper] (left) or t in [u - upper, u - lower].
      long from = isLeft ? saturatingAdd(t, lower) : saturatingAdd(t, -upper);
      long to = isLeft ? saturatingAdd(t, upper) : saturatingAdd(t, -lower);
      boolean matchedNow = false;
      boolean semiEmitted = false;
      for (int s = other.first(hash); s >= 0; s = other.next(s)) {
        long ot = other.times[s];
        if (ot < from || ot > to || !JoinKeys.equal(columns, ownKeys, r, other.rows.columns, otherKeys, s)) {
          continue;
        }
        matchedNow = true;
        switch (spec.type()) {
          case SEMI -> {
            if (isLeft) {
              if (!semiEmitted) {
                emitLeftOnly(batch, r);
                semiEmitted = true;
              }
            } else if (!other.matched[s]) {
              emitLeftSlot(s);
            }
          }
          case ANTI -> { }
          default -> emitPair(isLeft, batch, r, other, s);
        }
        if (!isRetraction) {
          other.matched[s] = true;
        }
      }
      if (isRetraction) {
        removeKept(own, batch, r, hash, t, ownWeight);
        continue;
      }
      // A row whose partners can no longer arrive is not kept (the next watermark would evict it).
      boolean expired = isLeft ? rightWatermark > to : leftWatermark > saturatingAdd(t, -lower);
      // SEMI and ANTI never emit a left row again once it matched.
      boolean needed = !(isLeft && matchedNow && spec.type().leftOnly());
      if (expired) {
        if (keepsUnmatched && !matchedNow) {
          emitUnmatched(isLeft, batch, r);
        }
      } else if (needed) {
        own.add(batch, r, hash, t, matchedNow);
      }
    }
    flush();
  }

  @Override
  public void onWatermark(int port, long watermark) {
    if (port == 0) {
      leftIdle = watermark == Watermarks.IDLE;
      if (!leftIdle) {
        leftWatermark = Math.max(leftWatermark, watermark);
        evictRight();
      }
    } else {
      rightIdle = watermark == Watermarks.IDLE;
      if (!rightIdle) {
        rightWatermark = Math.max(rightWatermark, watermark);
        evictLeft();
      }
    }
    flush();
    long w = outputWatermark();
    if (w > emittedWatermark) {
      emittedWatermark = w;
      output.emitWatermark(w);
    }
  }

  private void evictLeft() {
    boolean emit = spec.type().keepsUnmatchedLeft() || spec.type() == JoinType.ANTI;
    while (left.size() > 0 && rightWatermark > saturatingAdd(left.earliest(), upper)) {
      int s = left.earliestSlot();
      if (emit && !left.matched[s] && !left.removed[s]) {
        if (spec.type() == JoinType.ANTI) {
          emitLeftSlot(s);
        } else {
          emitSlotPadded(true, left, s);
        }
      }
      left.evictEarliest();
    }
  }

  private void evictRight() {
    boolean emit = spec.type().keepsUnmatchedRight();
    while (right.size() > 0 && leftWatermark > saturatingAdd(right.earliest(), -lower)) {
      int s = right.earliestSlot();
      if (emit && !right.matched[s] && !right.removed[s]) {
        emitSlotPadded(false, right, s);
      }
      right.evictEarliest();
    }
  }

  /**
   * The earliest event time (left time; right time for NULL-padded right rows) of any row this join may
   * still emit: future left rows, left rows future right rows may match, and pending outer rows.
   */
  private long outputWatermark() {
    if (leftWatermark == Long.MIN_VALUE && !leftIdle || rightWatermark == Long.MIN_VALUE && !rightIdle) {
      return Long.MIN_VALUE;
    }
    long lw = leftIdle ? Long.MAX_VALUE : leftWatermark;
    long rw = rightIdle ? Long.MAX_VALUE : rightWatermark;
    long w = Math.min(lw, rightIdle ? Long.MAX_VALUE : saturatingAdd(rw, -upper));
    if (spec.type().keepsUnmatchedRight()) {
      w = Math.min(w, Math.min(rw, leftIdle ? Long.MAX_VALUE : saturatingAdd(lw, lower)));
    }
    w = Math.min(w, left.earliest());
    if (spec.type().keepsUnmatchedRight()) {
      w = Math.min(w, right.earliest());
    }
    return w == Long.MAX_VALUE ? Long.MIN_VALUE : w;
  }

  private void emitPair(boolean arrivingIsLeft, Batch batch, int row, KeyedRows other, int slot) {
    int o = nextRow();
    int leftWidth = spec.leftSchema().size();
    if (arrivingIsLeft) {
      copyBatchRow(batch, row, o, 0);
      other.rows.copyTo(slot, out, o, leftWidth);
    } else {
      other.rows.copyTo(slot, out, o, 0);
      copyBatchRow(batch, row, o, leftWidth);
    }
    if (leftWeight >= 0 && rightWeight >= 0) {
      long[] w = out.longColumn(leftWeight).values;
      w[o] *= out.longColumn(leftWidth + rightWeight).values[o];
    }
  }

  /** Takes one kept row equal to the retracted row out of {@code own} (none when it was evicted already). */
  private void removeKept(KeyedRows own, Batch batch, int row, long hash, long time, int weight) {
    for (int s = own.first(hash); s >= 0; s = own.next(s)) {
      if (own.times[s] == time && JoinKeys.sameRow(probeColumns, row, own.rows.columns, s,
          batch.columnCount(), weight)) {
        own.remove(s);
        return;
      }
    }
  }

  private void emitUnmatched(boolean isLeft, Batch batch, int row) {
    int o = nextRow();
    if (spec.type() == JoinType.ANTI) {
      copyBatchRow(batch, row, o, 0);
      return;
    }
    int leftWidth = spec.leftSchema().size();
    if (isLeft) {
      copyBatchRow(batch, row, o, 0);
      padNulls(o, leftWidth, out.columnCount());
    } else {
      padNulls(o, 0, leftWidth);
      copyBatchRow(batch, row, o, leftWidth);
    }
  }

  private void emitSlotPadded(boolean isLeft, KeyedRows side, int slot) {
    int o = nextRow();
    int leftWidth = spec.leftSchema().size();
    if (isLeft) {
      side.rows.copyTo(slot, out, o, 0);
      padNulls(o, leftWidth, out.columnCount());
    } else {
      padNulls(o, 0, leftWidth);
      side.rows.copyTo(slot, out, o, leftWidth);
    }
  }

  private void emitLeftOnly(Batch batch, int row) {
    copyBatchRow(batch, row, nextRow(), 0);
  }

  private void emitLeftSlot(int slot) {
    left.rows.copyTo(slot, out, nextRow(), 0);
  }

  private int nextRow() {
    int o = out.rowCount();
    out.ensureCapacity(o + 1);
    out.setRowCount(o + 1);
    return o;
  }

  private void copyBatchRow(Batch batch, int row, int outRow, int offset) {
    for (int c = 0, n = batch.columnCount(); c < n; c++) {
      out.column(offset + c).copyRow(batch.column(c), row, outRow);
    }
  }

  private void padNulls(int outRow, int from, int to) {
    for (int c = from; c < to; c++) {
      Column col = out.column(c);
      col.nulls[outRow] = true;
      if (col instanceof io.laminardb.core.batch.ObjectColumn oc) {
        oc.values[outRow] = null;
      }
    }
  }

  private void flush() {
    if (out.rowCount() > 0) {
      output.emit(out);
      out.clear();
    }
  }

  static long saturatingAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  /** Rows kept on each side, for tests. */
  public int keptLeft() {
    return left.size();
  }

  public int keptRight() {
    return right.size();
  }

  @Override
  public OperatorState state() {
    return new OperatorState() {
      @Override
      public void snapshot(DataOutput o) throws IOException {
        o.writeLong(leftWatermark);
        o.writeLong(rightWatermark);
        o.writeBoolean(leftIdle);
        o.writeBoolean(rightIdle);
        o.writeLong(emittedWatermark);
        left.write(o);
        right.write(o);
      }

      @Override
      public void restore(DataInput in) throws IOException {
        leftWatermark = in.readLong();
        rightWatermark = in.readLong();
        leftIdle = in.readBoolean();
        rightIdle = in.readBoolean();
        emittedWatermark = in.readLong();
        left.read(in);
        right.read(in);
      }

      @Override
      public long sizeBytes() {
        return left.sizeBytes() + right.sizeBytes();
      }
    };
  }

  @Override
  public String describe() {
    return "IntervalJoin: " + spec.type() + " keys " + java.util.Arrays.toString(spec.leftKeys()) + " = "
        + java.util.Arrays.toString(spec.rightKeys()) + ", right.time in [left.time " + signed(lower)
        + " ms, left.time " + signed(upper) + " ms]";
  }

  static String signed(long v) {
    return v < 0 ? "- " + (-v) : "+ " + v;
  }
}
