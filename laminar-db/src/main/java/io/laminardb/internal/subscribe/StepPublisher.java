package io.laminardb.internal.subscribe;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.pipeline.StepListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * A {@link Flow.Publisher} of each step's rows. Demand is honoured per subscriber; a subscriber that falls
 * more than the buffer behind loses the oldest items rather than stalling the engine.
 */
public final class StepPublisher<R> implements Flow.Publisher<List<R>>, StepListener {
  private final SubmissionPublisher<List<R>> publisher = new SubmissionPublisher<>();
  private final RowMapper<R> mapper;

  public StepPublisher(RowMapper<R> mapper) {
    this.mapper = mapper;
  }

  @Override
  public void onStepOutput(Batch rows) {
    if (publisher.getNumberOfSubscribers() == 0) {
      return;
    }
    List<R> mapped = new ArrayList<>(rows.rowCount());
    for (int i = 0; i < rows.rowCount(); i++) {
      mapped.add(mapper.map(rows, i));
    }
    publisher.offer(mapped, (subscriber, item) -> false);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super List<R>> subscriber) {
    publisher.subscribe(subscriber);
  }

  public void close() {
    publisher.close();
  }
}
