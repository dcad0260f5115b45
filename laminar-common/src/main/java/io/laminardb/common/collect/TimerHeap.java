package io.laminardb.common.collect;

import java.util.Arrays;

/**
 * A binary min-heap of timers in primitive arrays: each entry is a time (the key), a slot and the slot's
 * stamp when the timer was set. Timers are never removed early: the owner bumps the slot's stamp instead,
 * and skips popped entries whose stamp no longer matches. No allocation once the arrays have grown.
 */
public final class TimerHeap {
  private long[] times = new long[16];
  private int[] slots = new int[16];
  private long[] stamps = new long[16];
  private int size;

  public void push(long time, int slot, long stamp) {
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      slots = Arrays.copyOf(slots, n);
      stamps = Arrays.copyOf(stamps, n);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (times[parent] <= time) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    times[i] = time;
    slots[i] = slot;
    stamps[i] = stamp;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  /** The earliest time; only valid when not empty. */
  public long peekTime() {
    return times[0];
  }

  public int peekSlot() {
    return slots[0];
  }

  public long peekStamp() {
    return stamps[0];
  }

  /** Removes the earliest entry. */
  public void pop() {
    size--;
    if (size == 0) {
      return;
    }
    long time = times[size];
    int slot = slots[size];
    long stamp = stamps[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && times[child + 1] < times[child]) {
        child++;
      }
      if (times[child] >= time) {
        break;
      }
      move(child, i);
      i = child;
    }
    times[i] = time;
    slots[i] = slot;
    stamps[i] = stamp;
  }

  private void move(int from, int to) {
    times[to] = times[from];
    slots[to] = slots[from];
    stamps[to] = stamps[from];
  }
}
