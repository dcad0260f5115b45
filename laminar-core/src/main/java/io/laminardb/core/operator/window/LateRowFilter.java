package io.laminardb.core.operator.window;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.LateRowCounter;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;

/**
 * LATE DATA TO (spec §7): in front of a window aggregate, sends rows that are late for every window they
 * belong to (judged against the watermark in force before the step, exactly as the aggregate will) to a
 * side stream, unchanged, and passes the others on.
 */
public final class LateRowFilter implements Operator, LateRowCounter {
  private final WindowSpec window;
  private final long sessionGap;
  private final int timeColumn;
  private final long lateness;
  private final String sideOutputName;
  private Batch onTime;
  private Batch late;
  private Output output;
  private Output sideOutput;
  private long watermark = Long.MIN_VALUE;
  private long lateRows;

  /** Either {@code window} (TUMBLE/HOP) or a positive {@code sessionGap}. */
  public LateRowFilter(WindowSpec window, long sessionGap, int timeColumn, long lateness, String sideOutputName) {
    this.window = window;
    this.sessionGap = sessionGap;
    this.timeColumn = timeColumn;
    this.lateness = lateness;
    this.sideOutputName = sideOutputName;
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
    this.sideOutput = context.sideOutput(sideOutputName);
  }

  @Override
  public void onBatch(int port, Batch batch) {
    if (watermark == Long.MIN_VALUE) {
      output.emit(batch);
      return;
    }
    if (onTime == null) {
      onTime = new Batch(batch.schema(), 64);
      late = new Batch(batch.schema(), 16);
    }
    onTime.clear();
    late.clear();
    LongColumn time = batch.longColumn(timeColumn);
    for (int r = 0; r < batch.rowCount(); r++) {
      if (!time.nulls[r] && isLate(time.values[r])) {
        late.appendRow(batch, r);
      } else {
        onTime.appendRow(batch, r);
      }
    }
    if (late.rowCount() > 0) {
      lateRows += late.rowCount();
      sideOutput.emit(late);
    }
    if (onTime.rowCount() > 0) {
      output.emit(onTime);
    }
  }

  private boolean isLate(long t) {
    long lastEnd = sessionGap > 0 ? t + sessionGap : window.lastStart(t) + window.size();
    return lastEnd + lateness <= watermark;
  }

  @Override
  public void onWatermark(int port, long newWatermark) {
    // Rows of the next step are judged against this; the step's own rows came before it.
    if (newWatermark != io.laminardb.core.time.Watermarks.IDLE) {
      watermark = newWatermark;
    }
    output.emitWatermark(newWatermark);
  }

  @Override
  public long lateRows() {
    return lateRows;
  }

  @Override
  public String describe() {
    return "LateRows: to " + sideOutputName;
  }
}
