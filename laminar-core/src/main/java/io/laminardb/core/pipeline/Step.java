package io.laminardb.core.pipeline;

import io.laminardb.core.batch.Batch;
import java.util.concurrent.CompletableFuture;

/** One unit of work, processed atomically and in submission order on the compute thread. */
sealed interface Step {
  record Push(SourceNode source, Batch batch) implements Step {}

  record Watermark(SourceNode source, long watermark) implements Step {}

  record Control(Runnable action, CompletableFuture<Void> done) implements Step {}

  record Stop() implements Step {}
}
