package io.laminardb.core.operator;

import io.laminardb.core.batch.Batch;

/** Where an operator sends its results. The receiver must copy what it keeps beyond the call. */
public interface Output {
  void emit(Batch batch);

  /** Forwards the operator's output watermark (epoch ms); callers only ever send increasing values. */
  void emitWatermark(long watermark);
}
