package io.laminardb.core.operator.over;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.operator.Operator;
import io.laminardb.core.operator.OperatorContext;
import io.laminardb.core.operator.Output;
import io.laminardb.core.state.OperatorState;
import io.laminardb.core.time.Watermarks;
import io.laminardb.core.type.Schema;
import java.util.Arrays;

/**
 * Per-partition top-N: {@code ROW_NUMBER()/RANK()/DENSE_RANK() OVER (PARTITION BY p ORDER BY k) <= N}
 * (spec §11.2). Each partition keeps the rows whose rank is at most N (ties: the earlier arrival ranks
 * first). At the end of a step every rank position whose occupant or rank changed is emitted: in upsert mode
 * the new occupant with its rank (keyed by partition and rank), with changes {@code (old, -1)} and
 * {@code (new, +1)} in a trailing {@code __weight} column, all retractions of the step first. Output: the
 * input columns, the rank, then {@code __weight} with changes. Over an upsert input (an aggregate's updating
 * rows, with {@code upsertKey}) a row replaces the earlier row of its key and every live row is kept, so a
 * row that falls back can be replaced by the next best. Without the rank ({@code ORDER BY ... LIMIT
 * N}, changes only) the rows that left the top N are retracted and those that entered inserted. The step's
 * watermark follows its rows. With an {@link PartitionExpiry} a partition whose window the watermark has
 * closed is evicted at the step end, so a top-N per window keeps only the open windows.
 */
public final class TopNOperator implements Operator {
  private final int inputWidth;
  private final RowOrder order;
  private final RankKind rankKind;
  private final long limit;
  private final boolean isChanges;
  /** Whether the output carries the rank; without it (ORDER BY ... LIMIT) changes are to the set of rows. */
  private final boolean isRanked;
  private final TopNState state;
  /** When partitions close by watermark (their key holds a window bound), or null: kept forever. */
  private final PartitionExpiry expiry;
  private final Batch out;
  private final Batch insertions;
  private final String description;
  private Output output;
  private boolean[] isDirty = new boolean[16];
  private int[] dirty = new int[16];
  private int dirtyCount;
  private long[] ranks = new long[16];
  private int[] stamp = new int[16];
  private int stepStamp;
  private long watermark = Long.MIN_VALUE;
  private long pendingWatermark = Long.MIN_VALUE;

  public TopNOperator(Schema inputSchema, Schema outputSchema, int[] partitionColumns, SortKey[] sortKeys,
      RankKind rankKind, long limit, boolean isChanges, boolean isRanked, int[] upsertKey,
      PartitionExpiry expiry, String description) {
    this.isRanked = isRanked;
    this.expiry = expiry;
    this.inputWidth = inputSchema.size();
    this.order = new RowOrder(sortKeys);
    this.rankKind = rankKind;
    this.limit = limit;
    this.isChanges = isChanges;
    this.state = new TopNState(inputSchema, partitionColumns, upsertKey);
    this.out = new Batch(outputSchema, 64);
    this.insertions = new Batch(outputSchema, 64);
    this.description = description;
  }

  @Override
  public void open(OperatorContext context, Output downstream) {
    this.output = downstream;
  }

  @Override
  public void onBatch(int port, Batch batch) {
    for (int row = 0; row < batch.rowCount(); row++) {
      int p = state.partitions.findOrInsert(batch, row, 0);
      state.ensurePartitions(state.partitions.slotBound(), (int) Math.min(limit, 64));
      state.isPartitionLive[p] = true;
      offer(p, batch, row);
    }
  }

  private void offer(int p, Batch batch, int row) {
    int key = -1;
    if (state.keys != null) {
      key = state.keys.findOrInsert(batch, row, 0);
      int old = state.slotOfKey(key);
      if (old >= 0) {
        remove(old);
      }
    }
    int[] list = state.current[p];
    int length = state.currentLength[p];
    int lo = 0;
    int hi = length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (order.compare(batch, row, state.rows, list[mid]) < 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int at = lo;
    boolean tiesPrevious = at > 0 && order.compare(batch, row, state.rows, list[at - 1]) == 0;
    if (state.keys == null && rankOfNew(p, at, tiesPrevious) > limit) {
      return;
    }
    int slot = state.newSlot();
    state.store(batch, row, slot, p);
    if (key >= 0) {
      state.slotOfKey[key] = slot;
    }
    if (length == list.length) {
      list = Arrays.copyOf(list, length * 2);
      state.current[p] = list;
    }
    System.arraycopy(list, at, list, at + 1, length - at);
    list[at] = slot;
    state.currentLength[p] = length + 1;
    if (state.keys == null) {
      trim(p);
    }
    markDirty(p);
  }

  /** Takes the replaced row of an upsert key out of its partition; freed now unless it was emitted. */
  private void remove(int slot) {
    int p = state.partitionOfSlot[slot];
    int[] list = state.current[p];
    int length = state.currentLength[p];
    int lo = 0;
    int hi = length - 1;
    int at = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareStored(list[mid], slot);
      if (c == 0) {
        at = mid;
        break;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    System.arraycopy(list, at + 1, list, at, length - at - 1);
    state.currentLength[p] = length - 1;
    state.isSlotLive[slot] = false;
    if (!state.isSlotShown[slot]) {
      state.freeSlot(slot);
    }
    markDirty(p);
  }

  /** Rank order of two stored rows: the sort key, then arrival. */
  private int compareStored(int a, int b) {
    int c = order.compare(state.rows, a, state.rows, b);
    return c != 0 ? c : Long.compare(state.sequenceOfSlot[a], state.sequenceOfSlot[b]);
  }

  /** The rank a row inserted at position {@code at} would get. */
  private long rankOfNew(int p, int at, boolean tiesPrevious) {
    if (rankKind == RankKind.ROW_NUMBER) {
      return at + 1L;
    }
    computeRanks(p, at);
    if (at == 0) {
      return 1;
    }
    if (tiesPrevious) {
      return ranks[at - 1];
    }
    return rankKind == RankKind.RANK ? at + 1L : ranks[at - 1] + 1;
  }

  /** How many leading rows of {@code p} rank within the limit; their ranks are in {@link #ranks}. */
  private int topLength(int p) {
    int length = state.currentLength[p];
    if (state.keys == null) {
      computeRanks(p, length);
      return length;
    }
    // Upsert input keeps every live row: rank only the prefix that can be within the limit.
    int prefix = (int) Math.min(length, limit);
    computeRanks(p, prefix);
    if (rankKind == RankKind.ROW_NUMBER) {
      return prefix;
    }
    int n = prefix;
    if (ranks.length <= length) {
      ranks = Arrays.copyOf(ranks, Math.max(length + 1, ranks.length * 2));
    }
    int[] list = state.current[p];
    while (n < length) {
      boolean tie = order.compare(state.rows, list[n], state.rows, list[n - 1]) == 0;
      long rank = tie ? ranks[n - 1] : rankKind == RankKind.RANK ? n + 1L : ranks[n - 1] + 1;
      if (rank > limit) {
        break;
      }
      ranks[n++] = rank;
    }
    return n;
  }

  /** Ranks of the first {@code length} current rows of {@code p} into {@link #ranks}. */
  private void computeRanks(int p, int length) {
    if (ranks.length < length) {
      ranks = new long[Math.max(length, ranks.length * 2)];
    }
    int[] list = state.current[p];
    for (int i = 0; i < length; i++) {
      if (rankKind == RankKind.ROW_NUMBER || i == 0) {
        ranks[i] = i + 1L;
      } else if (order.compare(state.rows, list[i], state.rows, list[i - 1]) == 0) {
        ranks[i] = ranks[i - 1];
      } else {
        ranks[i] = rankKind == RankKind.RANK ? i + 1L : ranks[i - 1] + 1;
      }
    }
  }

  /** Drops the rows whose rank now exceeds the limit. */
  private void trim(int p) {
    int length = state.currentLength[p];
    computeRanks(p, length);
    int keep = length;
    while (keep > 0 && ranks[keep - 1] > limit) {
      keep--;
    }
    int[] list = state.current[p];
    for (int i = keep; i < length; i++) {
      state.isSlotLive[list[i]] = false;
      if (!state.isSlotShown[list[i]]) {
        state.freeSlot(list[i]);
      }
    }
    state.currentLength[p] = keep;
  }

  private void markDirty(int p) {
    if (p >= isDirty.length) {
      isDirty = Arrays.copyOf(isDirty, Math.max(p + 1, isDirty.length * 2));
    }
    if (isDirty[p]) {
      return;
    }
    isDirty[p] = true;
    if (dirtyCount == dirty.length) {
      dirty = Arrays.copyOf(dirty, dirtyCount * 2);
    }
    dirty[dirtyCount++] = p;
  }

  @Override
  public void onWatermark(int port, long newWatermark) {
    if (newWatermark != Watermarks.IDLE && newWatermark > pendingWatermark) {
      pendingWatermark = newWatermark;
    }
  }

  @Override
  public boolean needsStepEnd() {
    return true;
  }

  @Override
  public void onStepEnd() {
    out.clear();
    insertions.clear();
    for (int d = 0; d < dirtyCount; d++) {
      int p = dirty[d];
      isDirty[p] = false;
      emitChanges(p);
    }
    dirtyCount = 0;
    out.append(insertions);
    if (out.rowCount() > 0) {
      output.emit(out);
    }
    if (pendingWatermark > watermark) {
      watermark = pendingWatermark;
      evictClosed();
      output.emitWatermark(watermark);
    }
  }

  /** Drops the partitions no row can reach any more; their last emitted ranks stay as they are. */
  private void evictClosed() {
    if (expiry == null) {
      return;
    }
    int bound = state.partitions.slotBound();
    for (int p = 0; p < bound; p++) {
      if (state.isPartitionLive[p] && expiry.isClosed(state.partitions, p, watermark)) {
        state.evict(p);
      }
    }
  }

  private void emitChanges(int p) {
    int length = topLength(p);
    int[] list = state.current[p];
    int[] before = state.shown[p];
    long[] beforeRank = state.shownRank[p];
    int beforeLength = state.shownLength[p];
    stepStamp++;
    for (int i = 0; i < length; i++) {
      ensureStamp(list[i]);
      stamp[list[i]] = stepStamp;
    }
    if (isRanked) {
      emitPositionChanges(list, length, before, beforeRank, beforeLength);
    } else {
      for (int i = 0; i < beforeLength; i++) {
        ensureStamp(before[i]);
        if (stamp[before[i]] != stepStamp) {
          write(out, before[i], 0, -1);
        }
      }
      for (int i = 0; i < length; i++) {
        if (!state.isSlotShown[list[i]]) {
          write(insertions, list[i], 0, 1);
        }
      }
    }
    for (int i = 0; i < beforeLength; i++) {
      ensureStamp(before[i]);
      if (stamp[before[i]] != stepStamp) {
        state.isSlotShown[before[i]] = false;
        if (!state.isSlotLive[before[i]]) {
          state.freeSlot(before[i]);
        }
      }
    }
    if (before.length < length) {
      before = new int[list.length];
      beforeRank = new long[list.length];
      state.shown[p] = before;
      state.shownRank[p] = beforeRank;
    }
    for (int i = 0; i < length; i++) {
      before[i] = list[i];
      beforeRank[i] = ranks[i];
      state.isSlotShown[list[i]] = true;
    }
    state.shownLength[p] = length;
  }

  /** Every rank position whose occupant or rank changed: the old row (-1, changes only) and the new one. */
  private void emitPositionChanges(int[] list, int length, int[] before, long[] beforeRank, int beforeLength) {
    for (int i = 0; i < Math.max(length, beforeLength); i++) {
      boolean isSame = i < length && i < beforeLength && list[i] == before[i] && ranks[i] == beforeRank[i];
      if (isSame) {
        continue;
      }
      if (isChanges && i < beforeLength) {
        write(out, before[i], beforeRank[i], -1);
      }
      if (i < length) {
        write(isChanges ? insertions : out, list[i], ranks[i], 1);
      }
    }
  }

  private void ensureStamp(int slot) {
    if (slot >= stamp.length) {
      stamp = Arrays.copyOf(stamp, Math.max(slot + 1, stamp.length * 2));
    }
  }

  private void write(Batch target, int slot, long rank, long weight) {
    int row = target.rowCount();
    target.ensureCapacity(row + 1);
    for (int c = 0; c < inputWidth; c++) {
      target.column(c).copyRow(state.rows.column(c), slot, row);
    }
    if (isRanked) {
      LongColumn rankColumn = target.longColumn(inputWidth);
      rankColumn.values[row] = rank;
      rankColumn.nulls[row] = false;
    }
    if (isChanges) {
      LongColumn weightColumn = target.longColumn(inputWidth + (isRanked ? 1 : 0));
      weightColumn.values[row] = weight;
      weightColumn.nulls[row] = false;
    }
    target.setRowCount(row + 1);
  }

  @Override
  public OperatorState state() {
    return state;
  }

  @Override
  public String describe() {
    return description;
  }
}
