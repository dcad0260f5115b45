package io.laminardb.core.operator.aggregate;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.type.Schema;

/**
 * Builds one step's output for EMIT CHANGES: retractions ({@code __weight = -1}) of previously emitted rows,
 * then insertions ({@code +1}) of current rows; unchanged groups emit nothing (spec §6.3).
 */
final class ChangeEmitter {
  private final Batch retractions;
  private final Batch insertions;
  private final int weightColumn;

  ChangeEmitter(Schema output, int weightColumn) {
    this.retractions = new Batch(output, 16);
    this.insertions = new Batch(output, 16);
    this.weightColumn = weightColumn;
  }

  /** Records the change of one group: {@code vanished} when its net weight dropped to zero. */
  void change(GroupedAccumulators state, int slot, long windowStart, long windowEnd, boolean vanished) {
    if (vanished) {
      if (state.hasEmitted(slot)) {
        setWeight(retractions, state.appendEmitted(slot, retractions), -1L);
        state.forgetEmitted(slot);
      }
      return;
    }
    int row = insertions.rowCount();
    insertions.ensureCapacity(row + 1);
    state.writeRow(slot, windowStart, windowEnd, insertions, row);
    setWeight(insertions, row, 1L);
    if (state.hasEmitted(slot)) {
      if (state.sameAsEmitted(slot, insertions, row, -1)) {
        return;
      }
      setWeight(retractions, state.appendEmitted(slot, retractions), -1L);
    }
    insertions.setRowCount(row + 1);
    state.rememberEmitted(slot, insertions, row);
  }

  /** Appends retractions then insertions to {@code out} and resets. */
  void drainInto(Batch out) {
    out.append(retractions);
    out.append(insertions);
    retractions.clear();
    insertions.clear();
  }

  private void setWeight(Batch batch, int row, long weight) {
    LongColumn w = batch.longColumn(weightColumn);
    w.values[row] = weight;
    w.nulls[row] = false;
  }
}
