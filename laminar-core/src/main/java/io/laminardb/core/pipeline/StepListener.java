package io.laminardb.core.pipeline;

import io.laminardb.core.batch.Batch;

/**
 * Receives a named stream's output once per step: every row the step produced for that stream, as one
 * batch. Called on the compute thread; the batch is reused afterwards, so copy what you keep.
 */
public interface StepListener {
  void onStepOutput(Batch rows);
}
