package io.laminardb.core.pipeline;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.operator.Output;
import io.laminardb.core.type.Schema;

/** The named output of a continuous query: what subscribers, sinks and downstream queries read. */
public final class QueryNode extends StreamNode implements Output {
  QueryNode(String name, Schema schema, Pipeline pipeline) {
    super(name, schema, pipeline);
  }

  @Override
  public void emit(Batch batch) {
    deliver(batch);
  }

  @Override
  public void emitWatermark(long watermark) {
    advanceWatermark(watermark);
  }
}
