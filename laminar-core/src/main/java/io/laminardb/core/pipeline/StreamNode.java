package io.laminardb.core.pipeline;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.type.Schema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A named stream of batches inside the pipeline: a source, or the output of a continuous query. It fans
 * rows out to the operators that read it (depth first, so a cascade finishes within the step) and gathers
 * the step's rows for its listeners, which are told once at the end of the step.
 */
public abstract class StreamNode {
  private final String name;
  private final Schema schema;
  private final List<Edge> consumers = new CopyOnWriteArrayList<>();
  private final List<StepListener> listeners = new CopyOnWriteArrayList<>();
  private final Batch stepRows;
  private final Pipeline pipeline;
  private long watermark = Long.MIN_VALUE;
  private boolean dirty;
  private long rowsOut;

  protected StreamNode(String name, Schema schema, Pipeline pipeline) {
    this.name = name;
    this.schema = schema;
    this.pipeline = pipeline;
    this.stepRows = new Batch(schema, 16);
  }

  public String name() {
    return name;
  }

  public Schema schema() {
    return schema;
  }

  public long watermark() {
    return watermark;
  }

  /** Rows this node has passed on since it was created. */
  public long rowsOut() {
    return rowsOut;
  }

  public void addListener(StepListener listener) {
    listeners.add(listener);
  }

  public void removeListener(StepListener listener) {
    listeners.remove(listener);
  }

  public boolean hasConsumers() {
    return !consumers.isEmpty();
  }

  void addConsumer(Edge edge) {
    consumers.add(edge);
  }

  void removeConsumersOf(QueryRuntime query) {
    consumers.removeIf(e -> e.query() == query);
  }

  /** Sends rows to every consumer and collects them for listeners. Compute thread only. */
  protected final void deliver(Batch batch) {
    int n = batch.rowCount();
    if (n == 0) {
      return;
    }
    rowsOut += n;
    if (!listeners.isEmpty()) {
      stepRows.append(batch);
      markDirty();
    }
    for (int i = 0, size = consumers.size(); i < size; i++) {
      Edge edge = consumers.get(i);
      if (edge.query().isActive()) {
        try {
          edge.operator().onBatch(edge.port(), batch);
        } catch (RuntimeException e) {
          edge.query().onError(e);
        }
      }
    }
  }

  /** Advances this node's watermark and passes it on; smaller values are ignored. Compute thread only. */
  protected final void advanceWatermark(long newWatermark) {
    if (newWatermark == io.laminardb.core.time.Watermarks.IDLE) {
      sendWatermark(newWatermark);
      return;
    }
    if (newWatermark <= watermark) {
      return;
    }
    watermark = newWatermark;
    sendWatermark(newWatermark);
  }

  /** Sends the current watermark again (a source coming back from idle). */
  protected final void resendWatermark() {
    if (watermark != Long.MIN_VALUE) {
      sendWatermark(watermark);
    }
  }

  private void sendWatermark(long newWatermark) {
    for (int i = 0, size = consumers.size(); i < size; i++) {
      Edge edge = consumers.get(i);
      if (edge.query().isActive()) {
        try {
          edge.operator().onWatermark(edge.port(), newWatermark);
        } catch (RuntimeException e) {
          edge.query().onError(e);
        }
      }
    }
  }

  private void markDirty() {
    if (!dirty) {
      dirty = true;
      pipeline.markDirty(this);
    }
  }

  /** End of step: hands the step's rows to listeners. */
  void flush() {
    dirty = false;
    if (stepRows.rowCount() == 0) {
      return;
    }
    for (StepListener listener : listeners) {
      try {
        listener.onStepOutput(stepRows);
      } catch (RuntimeException e) {
        pipeline.reportError(name, e instanceof LaminarException le ? le
            : new LaminarException(ErrorCode.INTERNAL, "subscriber of '" + name + "' failed: " + e, e));
      }
    }
    stepRows.clear();
  }

  /** Restores the watermark from a checkpoint (no propagation). */
  public void restoreWatermark(long saved) {
    this.watermark = saved;
  }
}
