package io.laminardb.core.operator;

/**
 * Values compiled expressions may read besides their input row: processing time and the current
 * watermark. Mutable and reused; the owning operator updates it before each batch.
 */
public final class EvalContext {
  public long processingTimeMillis;
  public long watermark = Long.MIN_VALUE;
}
