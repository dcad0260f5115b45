package io.laminardb.core.time;

import io.laminardb.core.batch.Batch;
import io.laminardb.core.batch.Column;
import io.laminardb.core.batch.LongColumn;
import io.laminardb.core.batch.ObjectColumn;
import java.util.Arrays;

/**
 * Per-key watermarks (spec §4.3, F065): each key {@code k} has {@code W_k = max_ts_k - delay}, and the
 * source watermark is the minimum over the active keys. A key that lags behind the others therefore
 * holds the watermark back instead of having its rows judged late against the fastest key. Keys without
 * data for the idle timeout stop counting; when more than {@code maxKeys} keys are tracked one is evicted
 * by the configured policy (or the new key is not tracked).
 *
 * <p>Keys live in an open-addressing table (linear probing, backward-shift deletion) keyed by the raw
 * column value: a {@code long} for integer columns and the value object otherwise, so tracking a row
 * allocates nothing. A NULL key is tracked as one key of its own.
 */
public final class KeyedWatermarks {
  /** What happens when a new key arrives while {@code maxKeys} keys are tracked. */
  public enum Eviction {
    LEAST_RECENTLY_ACTIVE,
    LOWEST_WATERMARK,
    REJECT_NEW
  }

  private static final long NONE = Long.MIN_VALUE;

  private final long delayMillis;
  private final long idleTimeoutMillis;
  private final int maxKeys;
  private final Eviction eviction;
  private final boolean objectKeys;

  private int capacity;
  private int mask;
  private long[] longKeys;
  private Object[] objectKeyValues;
  private boolean[] used;
  private long[] maxEventTime;
  private long[] lastActive;
  private boolean[] idle;
  private int size;

  private boolean nullTracked;
  private long nullMaxEventTime = NONE;
  private long nullLastActive;
  private boolean nullIdle;

  private long cachedMin = NONE;
  private boolean minDirty;
  private long evictions;
  private long rejected;

  public KeyedWatermarks(boolean objectKeys, long delayMillis, long idleTimeoutMillis, int maxKeys,
      Eviction eviction) {
    if (maxKeys <= 0) {
      throw new IllegalArgumentException("maxKeys must be positive");
    }
    this.objectKeys = objectKeys;
    this.delayMillis = delayMillis;
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.maxKeys = maxKeys;
    this.eviction = eviction;
    allocate(16);
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    mask = newCapacity - 1;
    longKeys = objectKeys ? null : new long[newCapacity];
    objectKeyValues = objectKeys ? new Object[newCapacity] : null;
    used = new boolean[newCapacity];
    maxEventTime = new long[newCapacity];
    lastActive = new long[newCapacity];
    idle = new boolean[newCapacity];
  }

  /**
   * Observes the rows of a batch: {@code keyColumn} holds the key, {@code eventTimes} the event time
   * (divided by {@code divisor} into milliseconds). Returns true when the minimum may have changed.
   */
  public boolean observe(Batch batch, int keyColumn, LongColumn eventTimes, long divisor, long nowMillis) {
    int n = batch.rowCount();
    Column keys = batch.column(keyColumn);
    long[] ts = eventTimes.values;
    boolean[] tsNull = eventTimes.nulls;
    boolean[] keyNull = keys.nulls;
    long[] longValues = objectKeys ? null : ((LongColumn) keys).values;
    Object[] objectValues = objectKeys ? ((ObjectColumn) keys).values : null;
    for (int i = 0; i < n; i++) {
      if (tsNull[i]) {
        continue;
      }
      long t = divisor == 1 ? ts[i] : Math.floorDiv(ts[i], divisor);
      if (keyNull[i]) {
        observeNull(t, nowMillis);
      } else if (objectKeys) {
        observe(slotOf(objectValues[i]), objectValues[i], 0L, t, nowMillis);
      } else {
        observe(slotOf(longValues[i]), null, longValues[i], t, nowMillis);
      }
    }
    return minDirty;
  }

  private void observeNull(long t, long now) {
    if (!nullTracked) {
      nullTracked = true;
      minDirty = true;
    }
    nullLastActive = now;
    if (nullIdle) {
      nullIdle = false;
      minDirty = true;
    }
    if (t > nullMaxEventTime) {
      if (nullMaxEventTime - delayMillis <= cachedMin) {
        minDirty = true;
      }
      nullMaxEventTime = t;
    }
  }

  private void observe(int slot, Object objectKey, long longKey, long t, long now) {
    if (!used[slot]) {
      if (size >= maxKeys) {
        if (!makeRoom()) {
          rejected++;
          return;
        }
        // The eviction may have shifted entries: the free slot found before is no longer valid.
        slot = objectKeys ? slotOf(objectKey) : slotOf(longKey);
      }
      used[slot] = true;
      if (objectKeys) {
        objectKeyValues[slot] = objectKey;
      } else {
        longKeys[slot] = longKey;
      }
      maxEventTime[slot] = t;
      lastActive[slot] = now;
      idle[slot] = false;
      size++;
      minDirty = true;
      if (size * 2 > capacity) {
        grow();
      }
      return;
    }
    lastActive[slot] = now;
    if (idle[slot]) {
      idle[slot] = false;
      minDirty = true;
    }
    if (t > maxEventTime[slot]) {
      if (maxEventTime[slot] - delayMillis <= cachedMin) {
        minDirty = true;
      }
      maxEventTime[slot] = t;
    }
  }

  /** Frees one entry by the eviction policy; false when the policy rejects new keys. */
  private boolean makeRoom() {
    if (eviction == Eviction.REJECT_NEW) {
      return false;
    }
    int victim = -1;
    for (int s = 0; s < capacity; s++) {
      if (!used[s]) {
        continue;
      }
      if (victim < 0) {
        victim = s;
      } else if (eviction == Eviction.LEAST_RECENTLY_ACTIVE ? lastActive[s] < lastActive[victim]
          : maxEventTime[s] < maxEventTime[victim]) {
        victim = s;
      }
    }
    remove(victim);
    evictions++;
    minDirty = true;
    return true;
  }

  private void remove(int slot) {
    used[slot] = false;
    if (objectKeys) {
      objectKeyValues[slot] = null;
    }
    size--;
    // Backward-shift deletion keeps every remaining key reachable from its home slot.
    int hole = slot;
    int s = (slot + 1) & mask;
    while (used[s]) {
      int home = objectKeys ? home(objectKeyValues[s]) : home(longKeys[s]);
      boolean movable = hole <= s ? (home <= hole || home > s) : (home <= hole && home > s);
      if (movable) {
        move(s, hole);
        hole = s;
      }
      s = (s + 1) & mask;
    }
  }

  private void move(int from, int to) {
    used[to] = true;
    used[from] = false;
    if (objectKeys) {
      objectKeyValues[to] = objectKeyValues[from];
      objectKeyValues[from] = null;
    } else {
      longKeys[to] = longKeys[from];
    }
    maxEventTime[to] = maxEventTime[from];
    lastActive[to] = lastActive[from];
    idle[to] = idle[from];
  }

  private void grow() {
    long[] oldLong = longKeys;
    Object[] oldObject = objectKeyValues;
    boolean[] oldUsed = used;
    long[] oldMax = maxEventTime;
    long[] oldActive = lastActive;
    boolean[] oldIdle = idle;
    int oldCapacity = capacity;
    allocate(capacity * 2);
    for (int s = 0; s < oldCapacity; s++) {
      if (!oldUsed[s]) {
        continue;
      }
      int slot = objectKeys ? slotOf(oldObject[s]) : slotOf(oldLong[s]);
      used[slot] = true;
      if (objectKeys) {
        objectKeyValues[slot] = oldObject[s];
      } else {
        longKeys[slot] = oldLong[s];
      }
      maxEventTime[slot] = oldMax[s];
      lastActive[slot] = oldActive[s];
      idle[slot] = oldIdle[s];
    }
  }

  private int home(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private int home(Object key) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  private int slotOf(long key) {
    int s = home(key);
    while (used[s] && longKeys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private int slotOf(Object key) {
    int s = home(key);
    while (used[s] && !objectKeyValues[s].equals(key)) {
      s = (s + 1) & mask;
    }
    return s;
  }

  /** Marks keys without data for the idle timeout as idle; returns true when one changed. */
  public boolean checkIdle(long nowMillis) {
    if (idleTimeoutMillis <= 0) {
      return false;
    }
    boolean changed = false;
    for (int s = 0; s < capacity; s++) {
      if (used[s] && !idle[s] && nowMillis - lastActive[s] >= idleTimeoutMillis) {
        idle[s] = true;
        changed = true;
      }
    }
    if (nullTracked && !nullIdle && nowMillis - nullLastActive >= idleTimeoutMillis) {
      nullIdle = true;
      changed = true;
    }
    if (changed) {
      minDirty = true;
    }
    return changed;
  }

  /**
   * The minimum of {@code max_ts_k - delay} over active keys, or {@link Long#MIN_VALUE} when no key is
   * active (the keyed part then imposes nothing).
   */
  public long minWatermark() {
    if (minDirty) {
      long min = Long.MAX_VALUE;
      for (int s = 0; s < capacity; s++) {
        if (used[s] && !idle[s] && maxEventTime[s] < min) {
          min = maxEventTime[s];
        }
      }
      if (nullTracked && !nullIdle && nullMaxEventTime < min) {
        min = nullMaxEventTime;
      }
      cachedMin = min == Long.MAX_VALUE ? NONE : min - delayMillis;
      minDirty = false;
    }
    return cachedMin;
  }

  /** Keys currently tracked (idle ones included; the NULL key counts as one). */
  public int trackedKeys() {
    return size + (nullTracked ? 1 : 0);
  }

  public long evictions() {
    return evictions;
  }

  /** Rows whose key was not tracked because the table was full under {@link Eviction#REJECT_NEW}. */
  public long rejectedRows() {
    return rejected;
  }

  /** Drops every key, e.g. before restoring from a checkpoint. */
  public void clear() {
    Arrays.fill(used, false);
    if (objectKeys) {
      Arrays.fill(objectKeyValues, null);
    }
    size = 0;
    nullTracked = false;
    nullMaxEventTime = NONE;
    minDirty = true;
  }

  /**
   * The checkpointable part: every tracked key with its largest event time, last activity and idle flag.
   * Restored into a fresh tracker of the same settings, it holds back the watermark exactly as before.
   */
  public io.laminardb.core.state.OperatorState state() {
    return new io.laminardb.core.state.OperatorState() {
      @Override
      public void snapshot(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(capacity);
        out.writeInt(size);
        for (int s = 0; s < capacity; s++) {
          if (used[s]) {
            out.writeInt(s);
            if (objectKeys) {
              io.laminardb.core.state.TaggedValues.write(out, objectKeyValues[s]);
            } else {
              out.writeLong(longKeys[s]);
            }
            out.writeLong(maxEventTime[s]);
            out.writeLong(lastActive[s]);
            out.writeBoolean(idle[s]);
          }
        }
        out.writeBoolean(nullTracked);
        out.writeLong(nullMaxEventTime);
        out.writeLong(nullLastActive);
        out.writeBoolean(nullIdle);
        out.writeLong(evictions);
        out.writeLong(rejected);
      }

      @Override
      public void restore(java.io.DataInput in) throws java.io.IOException {
        allocate(in.readInt());
        size = in.readInt();
        for (int i = 0; i < size; i++) {
          int s = in.readInt();
          used[s] = true;
          if (objectKeys) {
            objectKeyValues[s] = io.laminardb.core.state.TaggedValues.read(in);
          } else {
            longKeys[s] = in.readLong();
          }
          maxEventTime[s] = in.readLong();
          lastActive[s] = in.readLong();
          idle[s] = in.readBoolean();
        }
        nullTracked = in.readBoolean();
        nullMaxEventTime = in.readLong();
        nullLastActive = in.readLong();
        nullIdle = in.readBoolean();
        evictions = in.readLong();
        rejected = in.readLong();
        minDirty = true;
      }

      @Override
      public long sizeBytes() {
        return 40L * capacity;
      }
    };
  }
}
