package io.laminardb.core.batch;

import io.laminardb.core.type.Schema;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Recycles the batches that pushes are encoded into, so a steady stream of pushes allocates no column
 * arrays: pushing threads {@link #acquire} a cleared batch, the compute thread {@link #release}s it once
 * the step that carried it is done (operators never keep a batch beyond the call that received it). A
 * batch keeps the capacity it grew to, so coalesced steps stop growing once they reached their size.
 */
public final class BatchPool {
  private final Schema schema;
  private final MpmcArrayQueue<Batch> free;

  public BatchPool(Schema schema, int maxPooled) {
    this.schema = schema;
    this.free = new MpmcArrayQueue<>(Math.max(2, maxPooled));
  }

  /** A cleared batch with room for at least {@code rows} rows. Any thread. */
  public Batch acquire(int rows) {
    Batch batch = free.relaxedPoll();
    if (batch == null) {
      return new Batch(schema, Math.max(1, rows));
    }
    batch.ensureCapacity(rows);
    return batch;
  }

  /** Returns a batch no one reads any more; it is cleared (object references dropped) first. */
  public void release(Batch batch) {
    batch.clear();
    free.relaxedOffer(batch);
  }
}
