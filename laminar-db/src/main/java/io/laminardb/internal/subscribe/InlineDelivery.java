package io.laminardb.internal.subscribe;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.StepListener;
import io.laminardb.core.pipeline.StreamNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Hands each step's rows to a callback on the compute thread itself, at the moment the step's output is
 * complete: no queue and no thread wake-up between the engine and the application, which is what a
 * latency-bound caller (Esper-style listeners) wants. The callback holds up the pipeline while it runs.
 */
public final class InlineDelivery<R> implements StepListener, AutoCloseable {
  private final String name;
  private final StreamNode node;
  private final RowMapper<R> mapper;
  private final Consumer<List<R>> callback;
  private final BiConsumer<String, LaminarException> errors;
  private volatile boolean closed;

  public InlineDelivery(String name, StreamNode node, RowMapper<R> mapper, Consumer<List<R>> callback,
      BiConsumer<String, LaminarException> errors) {
    this.name = name;
    this.node = node;
    this.mapper = mapper;
    this.callback = callback;
    this.errors = errors;
  }

  @Override
  public void onStepOutput(Batch rows) {
    if (closed || rows.rowCount() == 0) {
      return;
    }
    List<R> mapped = new ArrayList<>(rows.rowCount());
    for (int i = 0; i < rows.rowCount(); i++) {
      mapped.add(mapper.map(rows, i));
    }
    try {
      callback.accept(mapped);
    } catch (RuntimeException e) {
      // A failing callback must not take the pipeline down with it; the application hears about it.
      errors.accept(name, new LaminarException(ErrorCode.QUERY_EXECUTION,
          "inline subscription callback of '" + name + "' threw " + e, e));
    }
  }

  @Override
  public void close() {
    closed = true;
    node.removeListener(this);
  }
}
