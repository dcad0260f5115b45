package io.laminardb.core.operator.calc;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.EvalContext;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.type.Schema;

/** Stateless filter + projection: runs a compiled kernel over each batch, forwards watermarks unchanged. */
public final class CalcOperator implements Operator {
  private final CalcKernel kernel;
  private final Batch out;
  private final EvalContext evalContext = new EvalContext();
  private final String description;
  private OperatorContext context;
  private Output output;

  public CalcOperator(CalcKernel kernel, Schema outputSchema, String description) {
    this.kernel = kernel;
    this.out = new Batch(outputSchema, 64);
    this.description = description;
  }

  @Override
  public void open(OperatorContext operatorContext, Output downstream) {
    this.context = operatorContext;
    this.output = downstream;
  }

  @Override
  public void onBatch(int port, Batch batch) {
    out.clear();
    evalContext.processingTimeMillis = context.processingTimeMillis();
    int produced = kernel.apply(batch, out, evalContext);
    out.setRowCount(produced);
    if (produced > 0) {
      output.emit(out);
    }
  }

  @Override
  public void onWatermark(int port, long watermark) {
    if (watermark != io.laminardb.core.time.Watermarks.IDLE) {
      evalContext.watermark = watermark;
    }
    output.emitWatermark(watermark);
  }

  @Override
  public String describe() {
    return description;
  }
}
