package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;

/**
 * The per-group state of an aggregate operator: group table, accumulators, and (for EMIT CHANGES) what
 * each group last emitted. Operators in other packages (windows, sessions) build on it.
 */
public final class GroupedState {
  private final GroupedAccumulators groups;
  private final ChangeEmitter changes;
  private boolean lastWasNew;

  private final Batch deletions;

  public GroupedState(AggregateSpec spec) {
    boolean changelog = spec.emit() == EmitMode.CHANGES;
    boolean keepEmitted = changelog || spec.emit() == EmitMode.ON_UPDATE
        || spec.emit() == EmitMode.EVERY_INTERVAL;
    this.groups = new GroupedAccumulators(spec.inputSchema(), spec.keyColumns(), spec.accumulators(),
        spec.layout(), spec.outputSchema(), keepEmitted);
    this.changes = changelog ? new ChangeEmitter(spec.outputSchema(), spec.layout().weightColumn()) : null;
    this.deletions = keepEmitted && !changelog ? new Batch(spec.outputSchema(), 4) : null;
  }

  /** The slot of {@code row}'s group in {@code windowStart} (0 without windows), created empty if new. */
  public int slotFor(Batch batch, int row, long windowStart) {
    int slot = groups.groups.findOrInsert(batch, row, windowStart);
    lastWasNew = groups.groups.lastWasNew();
    if (lastWasNew) {
      groups.ensureSlots();
      groups.initSlot(slot);
    }
    return slot;
  }

  /** Whether the last {@link #slotFor} created the group. */
  public boolean isNew() {
    return lastWasNew;
  }

  public void add(Batch batch, int[] slots, int rowCount, long[] weights) {
    groups.add(batch, slots, rowCount, weights);
  }

  public void merge(int target, int source) {
    groups.merge(target, source);
  }

  public long windowStart(int slot) {
    return groups.groups.windowStart(slot);
  }

  /** Sum of input weights of the group: 0 or less means it has no rows (changelog input). */
  public long netWeight(int slot) {
    return groups.netWeight(slot);
  }

  /** Appends the group's current row to {@code out}. */
  public void appendRow(int slot, long windowStart, long windowEnd, Batch out) {
    int row = out.rowCount();
    out.ensureCapacity(row + 1);
    groups.writeRow(slot, windowStart, windowEnd, out, row);
    out.setRowCount(row + 1);
  }

  /**
   * Upsert modes (ON UPDATE, EVERY): appends the group's current row unless it equals the row it last
   * emitted (spec §24.5: no output when the recomputed value equals the last emitted one).
   */
  public void appendIfChanged(int slot, long windowStart, long windowEnd, Batch out) {
    int row = out.rowCount();
    out.ensureCapacity(row + 1);
    groups.writeRow(slot, windowStart, windowEnd, out, row);
    if (groups.hasEmitted(slot) && groups.sameAsEmitted(slot, out, row, -1)) {
      return;
    }
    out.setRowCount(row + 1);
    groups.rememberEmitted(slot, out, row);
  }

  /** Upsert modes: a group that vanished is remembered as deleted (if it had emitted anything). */
  public void recordDeletion(int slot) {
    if (deletions != null && groups.hasEmitted(slot)) {
      groups.appendEmitted(slot, deletions);
      groups.forgetEmitted(slot);
    }
  }

  /** Hands this step's deleted groups to {@code context} and resets. */
  public void flushDeletions(io.laminardb.core.operator.OperatorContext context) {
    if (deletions != null && deletions.rowCount() > 0) {
      context.groupsDeleted(deletions);
      deletions.clear();
    }
  }

  /** EMIT CHANGES: records this step's change of one group. */
  public void emitChange(int slot, long windowStart, long windowEnd, boolean vanished) {
    changes.change(groups, slot, windowStart, windowEnd, vanished);
  }

  /** EMIT CHANGES: appends the step's retractions, then its insertions, to {@code out}. */
  public void drainChanges(Batch out) {
    changes.drainInto(out);
  }

  public void release(int slot) {
    groups.release(slot);
  }

  public int groupCount() {
    return groups.groups.size();
  }

  /** Writes all groups; see {@link #restore}. */
  public void snapshot(java.io.DataOutput out) throws java.io.IOException {
    groups.snapshot(out);
  }

  /** Restores into this fresh state; returns the old-slot to new-slot mapping for the operator's indexes. */
  public int[] restore(java.io.DataInput in) throws java.io.IOException {
    return groups.restore(in);
  }

  /** The group-key values of {@code slot}, laid out like the key store (for re-indexing on restore). */
  public io.laminardb.core.batch.Batch keyStore() {
    return groups.groups.keyStore();
  }

  public long sizeBytes() {
    return groups.sizeBytes();
  }
}
