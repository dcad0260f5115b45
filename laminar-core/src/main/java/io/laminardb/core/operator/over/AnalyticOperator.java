package io.laminardb.core.operator.over;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.DoubleColumn;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.time.Watermarks;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE and ROWS-frame aggregates over
 * {@code PARTITION BY ... ORDER BY event time} (spec §11.1, §11.3). Rows enter their partition in arrival
 * order across steps, each batch stably sorted by event time first. Every function that looks only backwards
 * is computed when its row arrives and stored with the row in the partition's ring; without LEAD the row is
 * emitted at once. With LEAD or a frame reaching {@code m FOLLOWING} (largest lookahead K) a row waits for K
 * later rows of its partition and is completed at emission; when the watermark passes a waiting row's time
 * it is flushed with the LEAD defaults for rows that never came and the frame rows present.
 * Output: the input columns, then one column per function.
 */
public final class AnalyticOperator implements Operator {
  private final int inputWidth;
  private final int timeColumn;
  private final AnalyticFunction[] functions;
  private final int lead;
  private final AnalyticState state;
  /** When partitions close by watermark (their key holds a window bound), or null: kept forever. */
  private final PartitionExpiry expiry;
  /** One row: constant LAG/LEAD defaults in result layout (column f). */
  private final Batch defaults;
  private final Batch out;
  private final StableTimeOrder order = new StableTimeOrder();
  private final String description;
  private Output output;

  public AnalyticOperator(Schema inputSchema, Schema outputSchema, int[] partitionColumns, int timeColumn,
      List<AnalyticFunction> functionList, PartitionExpiry expiry, String description) {
    this.expiry = expiry;
    this.inputWidth = inputSchema.size();
    this.timeColumn = timeColumn;
    this.functions = functionList.toArray(new AnalyticFunction[0]);
    int history = 0;
    int maxLead = 0;
    for (AnalyticFunction f : functions) {
      history = Math.max(history, f.history());
      maxLead = Math.max(maxLead, f.lookahead());
    }
    int capacity = Math.max(history, maxLead) + 1;
    for (AnalyticFunction f : functions) {
      if (f.kind().isFramed() && f.frameFollowing() > 0) {
        // Evaluated at emission, when up to maxLead newer rows sit in the ring above the frame's start.
        capacity = Math.max(capacity, Math.max(f.framePreceding(), 0) + maxLead + 1);
      }
    }
    this.lead = maxLead;
    this.state = new AnalyticState(outputSchema, partitionColumns, capacity, functionList);
    List<Field> results = new ArrayList<>();
    for (int f = 0; f < functions.length; f++) {
      results.add(outputSchema.field(inputWidth + f));
    }
    this.defaults = new Batch(new Schema(results), 1);
    defaults.setRowCount(1);
    for (int f = 0; f < functions.length; f++) {
      defaults.column(f).setStored(0, functions[f].defaultValue());
    }
    this.out = new Batch(outputSchema, 64);
    this.description = description;
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
  }

  @Override
  public void onBatch(int port, Batch batch) {
    int rows = batch.rowCount();
    int[] sequence = order.sort(batch.longColumn(timeColumn), rows);
    out.clear();
    Batch history = state.history;
    for (int i = 0; i < rows; i++) {
      int row = sequence[i];
      int p = state.partitions.findOrInsert(batch, row, 0);
      state.ensurePartitions(state.partitions.slotBound());
      state.isPartitionLive[p] = true;
      long pos = state.count[p]++;
      int slot = state.slot(p, pos);
      for (int c = 0; c < inputWidth; c++) {
        history.column(c).copyRow(batch.column(c), row, slot);
      }
      for (int f = 0; f < functions.length; f++) {
        computeAtArrival(f, p, pos, slot);
      }
      if (lead == 0) {
        out.appendRow(history, slot);
        continue;
      }
      state.emitted[slot] = false;
      long ready = pos - lead;
      if (ready >= state.firstPending[p]) {
        int readySlot = state.slot(p, ready);
        if (!state.emitted[readySlot]) {
          emit(p, ready, readySlot);
        }
        advancePending(p);
      }
    }
    if (out.rowCount() > 0) {
      output.emit(out);
    }
  }

  @Override
  public void onWatermark(int port, long watermark) {
    if (lead > 0 && watermark != Watermarks.IDLE) {
      out.clear();
      flush(watermark);
      if (out.rowCount() > 0) {
        output.emit(out);
      }
    }
    if (expiry != null && watermark != Watermarks.IDLE) {
      evictClosed(watermark);
    }
    output.emitWatermark(watermark);
  }

  /** Drops closed partitions with no row waiting for LEAD (a waiting row is flushed first, spec §11.1). */
  private void evictClosed(long watermark) {
    int bound = state.partitions.slotBound();
    for (int p = 0; p < bound; p++) {
      if (state.isPartitionLive[p] && (lead == 0 || state.firstPending[p] >= state.count[p])
          && expiry.isClosed(state.partitions, p, watermark)) {
        state.evict(p);
      }
    }
  }

  /** Emits every waiting row whose event time is below the watermark (spec §11.1). */
  private void flush(long watermark) {
    LongColumn time = state.history.longColumn(timeColumn);
    int partitionCount = state.partitions.slotBound();
    for (int p = 0; p < partitionCount; p++) {
      for (long pos = state.firstPending[p]; pos < state.count[p]; pos++) {
        int slot = state.slot(p, pos);
        if (!state.emitted[slot] && !time.nulls[slot] && time.values[slot] < watermark) {
          emit(p, pos, slot);
        }
      }
      advancePending(p);
    }
  }

  private void advancePending(int p) {
    while (state.firstPending[p] < state.count[p] && state.emitted[state.slot(p, state.firstPending[p])]) {
      state.firstPending[p]++;
    }
  }

  /** Appends row {@code pos} of partition {@code p} with its LEAD values filled in. */
  private void emit(int p, long pos, int slot) {
    state.emitted[slot] = true;
    int outRow = out.rowCount();
    out.appendRow(state.history, slot);
    for (int f = 0; f < functions.length; f++) {
      AnalyticFunction fn = functions[f];
      if (fn.kind().isFramed() && fn.frameFollowing() > 0) {
        extendFrame(fn, f, p, pos, outRow);
      }
      if (fn.kind() != AnalyticKind.LEAD) {
        continue;
      }
      Column target = out.column(inputWidth + f);
      long from = pos + fn.offset();
      if (from < state.count[p]) {
        target.copyRow(state.history.column(fn.argumentColumn()), state.slot(p, from), outRow);
      } else if (fn.defaultColumn() >= 0) {
        target.copyRow(state.history.column(fn.defaultColumn()), slot, outRow);
      } else {
        target.copyRow(defaults.column(f), 0, outRow);
      }
    }
  }

  /**
   * Adds the following rows that arrived (at most {@code frameFollowing}) to a value computed at arrival over
   * the frame up to the current row; a row flushed by the watermark gets the rows present by then.
   */
  private void extendFrame(AnalyticFunction fn, int f, int p, long pos, int outRow) {
    long last = Math.min(pos + fn.frameFollowing(), state.count[p] - 1);
    Column target = out.column(inputWidth + f);
    switch (fn.kind()) {
      case LAST_VALUE -> target.copyRow(state.history.column(fn.argumentColumn()), state.slot(p, last), outRow);
      case FIRST_VALUE -> { }
      case NTH_VALUE -> {
        long first = fn.framePreceding() < 0 ? 0 : Math.max(0, pos - fn.framePreceding());
        long at = first + fn.offset() - 1;
        if (at > pos && at <= last) {
          target.copyRow(state.history.column(fn.argumentColumn()), state.slot(p, at), outRow);
        }
      }
      case COUNT_STAR -> setLong(target, outRow, ((LongColumn) target).values[outRow] + (last - pos));
      default -> {
        Column argument = state.history.column(fn.argumentColumn());
        for (long at = pos + 1; at <= last; at++) {
          int row = state.slot(p, at);
          if (!argument.nulls[row]) {
            fold(fn.kind(), target, outRow, argument, row);
          }
        }
      }
    }
  }

  /** Combines one non-NULL argument value into an aggregate result already in {@code target}. */
  private static void fold(AnalyticKind kind, Column target, int outRow, Column argument, int row) {
    boolean isEmpty = target.nulls[outRow];
    if (kind == AnalyticKind.COUNT) {
      setLong(target, outRow, ((LongColumn) target).values[outRow] + 1);
      return;
    }
    if (target instanceof LongColumn lc && argument instanceof LongColumn la) {
      long x = la.values[row];
      lc.values[outRow] = isEmpty ? x : combine(kind, lc.values[outRow], x);
    } else if (target instanceof DoubleColumn dc) {
      double v = argument instanceof DoubleColumn da ? da.values[row] : ((LongColumn) argument).values[row];
      dc.values[outRow] = isEmpty ? v : combine(kind, dc.values[outRow], v);
    }
    target.nulls[outRow] = false;
  }

  private void computeAtArrival(int f, int p, long pos, int slot) {
    AnalyticFunction fn = functions[f];
    Batch history = state.history;
    Column target = history.column(inputWidth + f);
    switch (fn.kind()) {
      case LAG -> {
        if (pos >= fn.offset()) {
          target.copyRow(history.column(fn.argumentColumn()), state.slot(p, pos - fn.offset()), slot);
        } else if (fn.defaultColumn() >= 0) {
          target.copyRow(history.column(fn.defaultColumn()), slot, slot);
        } else {
          target.copyRow(defaults.column(f), 0, slot);
        }
      }
      case LEAD -> target.nulls[slot] = true;
      case LAST_VALUE -> target.copyRow(history.column(fn.argumentColumn()), slot, slot);
      case FIRST_VALUE, NTH_VALUE -> nthValue(fn, f, p, pos, slot, target);
      default -> aggregate(fn, f, p, pos, slot, target);
    }
  }

  private void nthValue(AnalyticFunction fn, int f, int p, long pos, int slot, Column target) {
    Column argument = state.history.column(fn.argumentColumn());
    if (fn.isPinned()) {
      long at = fn.pinnedPosition();
      if (pos == at) {
        state.pinned.column(f).copyRow(argument, slot, p);
      }
      if (pos >= at) {
        target.copyRow(state.pinned.column(f), p, slot);
      } else {
        target.nulls[slot] = true;
      }
      return;
    }
    long first = Math.max(0, pos - fn.framePreceding());
    long at = fn.kind() == AnalyticKind.FIRST_VALUE ? first : first + fn.offset() - 1;
    if (at <= pos) {
      target.copyRow(argument, state.slot(p, at), slot);
    } else {
      target.nulls[slot] = true;
    }
  }

  private void aggregate(AnalyticFunction fn, int f, int p, long pos, int slot, Column target) {
    if (fn.framePreceding() < 0) {
      fold(fn, f, p, slot);
      writeAggregate(fn, target, slot, state.runCount[f][p], state.runLong[f][p], state.runDouble[f][p]);
      return;
    }
    long first = Math.max(0, pos - fn.framePreceding());
    if (fn.kind() == AnalyticKind.COUNT_STAR) {
      writeAggregate(fn, target, slot, pos - first + 1, 0, 0);
      return;
    }
    Column argument = state.history.column(fn.argumentColumn());
    long n = 0;
    long acc = 0;
    double accDouble = 0;
    for (long at = first; at <= pos; at++) {
      int row = state.slot(p, at);
      if (argument.nulls[row]) {
        continue;
      }
      if (argument instanceof LongColumn lc) {
        acc = n == 0 && fn.kind() != AnalyticKind.COUNT ? lc.values[row] : combine(fn.kind(), acc, lc.values[row]);
      } else if (argument instanceof DoubleColumn dc) {
        accDouble = n == 0 ? dc.values[row] : combine(fn.kind(), accDouble, dc.values[row]);
      }
      n++;
    }
    writeAggregate(fn, target, slot, n, acc, accDouble);
  }

  /** Adds the current row to the running accumulator of an unbounded frame. */
  private void fold(AnalyticFunction fn, int f, int p, int slot) {
    if (fn.kind() == AnalyticKind.COUNT_STAR) {
      state.runCount[f][p]++;
      return;
    }
    Column argument = state.history.column(fn.argumentColumn());
    if (argument.nulls[slot]) {
      return;
    }
    long n = state.runCount[f][p]++;
    if (argument instanceof LongColumn lc) {
      long v = lc.values[slot];
      state.runLong[f][p] = n == 0 ? v : combine(fn.kind(), state.runLong[f][p], v);
    } else if (argument instanceof DoubleColumn dc) {
      double v = dc.values[slot];
      state.runDouble[f][p] = n == 0 ? v : combine(fn.kind(), state.runDouble[f][p], v);
    }
  }

  private static long combine(AnalyticKind kind, long acc, long v) {
    return switch (kind) {
      case MIN -> Math.min(acc, v);
      case MAX -> Math.max(acc, v);
      case COUNT -> acc;
      default -> {
        long sum = acc + v;
        if (((acc ^ sum) & (v ^ sum)) < 0) {
          throw new LaminarException(ErrorCode.QUERY_EXECUTION, "BIGINT overflow in SUM");
        }
        yield sum;
      }
    };
  }

  private static double combine(AnalyticKind kind, double acc, double v) {
    return switch (kind) {
      case MIN -> Math.min(acc, v);
      case MAX -> Math.max(acc, v);
      case COUNT -> acc;
      default -> acc + v;
    };
  }

  private void writeAggregate(AnalyticFunction fn, Column target, int slot, long n, long acc, double accDouble) {
    boolean isDoubleArgument = fn.argumentColumn() >= 0
        && state.history.column(fn.argumentColumn()) instanceof DoubleColumn;
    switch (fn.kind()) {
      case COUNT_STAR, COUNT -> setLong(target, slot, n);
      case SUM0 -> {
        if (n == 0) {
          setNumber(target, slot, 0, 0);
        } else {
          setNumber(target, slot, isDoubleArgument ? (long) accDouble : acc, isDoubleArgument ? accDouble : acc);
        }
      }
      default -> {
        if (n == 0) {
          target.nulls[slot] = true;
        } else {
          setNumber(target, slot, isDoubleArgument ? (long) accDouble : acc, isDoubleArgument ? accDouble : acc);
        }
      }
    }
  }

  private static void setLong(Column target, int slot, long value) {
    setNumber(target, slot, value, value);
  }

  private static void setNumber(Column target, int slot, long asLong, double asDouble) {
    target.nulls[slot] = false;
    if (target instanceof LongColumn lc) {
      lc.values[slot] = asLong;
    } else if (target instanceof DoubleColumn dc) {
      dc.values[slot] = asDouble;
    }
  }

  @Override
  public OperatorState state() {
    return state;
  }

  @Override
  public String describe() {
    return description;
  }
}
