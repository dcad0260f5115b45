package io.laminardb.core.pipeline;

import io.laminardb.core.batch.Batch;
import java.util.concurrent.CompletableFuture;

/** One unit of work, processed atomically and in submission order on the compute thread. */
sealed interface Step {
  /**
   * @param partition the source partition, or -1
   * @param pooled whether the batch came from the source's {@link io.laminardb.core.batch.BatchPool} and
   *     goes back to it once the step is done
   */
  record Push(SourceNode source, Batch batch, int partition, boolean pooled) implements Step {}

  record Watermark(SourceNode source, long watermark, int partition) implements Step {}

  record Control(Runnable action, CompletableFuture<Void> done) implements Step {}

  /** Runs only the end-of-step work: processing-time emissions that are due (EMIT EVERY). */
  record Tick() implements Step {}

  record Stop() implements Step {}
}
