package io.laminardb.core.operator.union;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.time.WatermarkTracker;

/** UNION ALL of N inputs with identical layouts; the output watermark is the minimum over inputs. */
public final class UnionOperator implements Operator {
  private final WatermarkTracker watermarks;
  private Output output;

  public UnionOperator(int inputCount) {
    this.watermarks = new WatermarkTracker(inputCount);
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
  }

  @Override
  public void onBatch(int port, Batch batch) {
    output.emit(batch);
  }

  @Override
  public void onWatermark(int port, long watermark) {
    long advanced = watermarks.update(port, watermark);
    if (advanced != Long.MIN_VALUE) {
      output.emitWatermark(advanced);
    }
  }

  @Override
  public String describe() {
    return "UnionAll";
  }
}
