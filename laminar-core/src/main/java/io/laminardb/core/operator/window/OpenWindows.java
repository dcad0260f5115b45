package io.laminardb.core.operator.window;

import io.laminardb.common.collect.IntList;

/**
 * The open window instances of one window operator, ordered by start. Windows open at the end (event time
 * moves forward) and close at the front (the watermark passes them), so this is a sorted array with a moving
 * head; a purged entry goes back to a free list with its slot list's capacity, so a steady stream of windows
 * allocates nothing once the largest window has been seen.
 */
final class OpenWindows {
  /** One window instance and the group slots that belong to it. */
  static final class Entry {
    long start;
    boolean fired;
    final IntList slots = new IntList(4);
  }

  private Entry[] entries = new Entry[8];
  private int head;
  private int count;
  private Entry[] free = new Entry[8];
  private int freeCount;

  int size() {
    return count;
  }

  /** The {@code i}-th open window in start order. */
  Entry at(int i) {
    return entries[head + i];
  }

  /** The window starting at {@code start}, or null. */
  Entry find(long start) {
    int i = search(start);
    return i >= 0 ? entries[head + i] : null;
  }

  /** Opens the window starting at {@code start}; it must not be open. */
  Entry open(long start, boolean fired) {
    int at = -search(start) - 1;
    makeRoomAt(at);
    Entry entry = freeCount > 0 ? free[--freeCount] : new Entry();
    entry.start = start;
    entry.fired = fired;
    entry.slots.clear();
    entries[head + at] = entry;
    count++;
    return entry;
  }

  /** Closes the first window; its entry is reused by a later {@link #open}. */
  void closeFirst() {
    Entry entry = entries[head];
    entries[head] = null;
    head++;
    count--;
    if (count == 0) {
      head = 0;
    }
    if (freeCount == free.length) {
      free = java.util.Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = entry;
  }

  /** Binary search over the open windows: index, or {@code -(insertion point) - 1}. */
  private int search(long start) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long s = entries[head + mid].start;
      if (s < start) {
        lo = mid + 1;
      } else if (s > start) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** Shifts the windows from {@code at} on one place right, compacting or growing the array first. */
  private void makeRoomAt(int at) {
    if (head + count == entries.length) {
      if (head > 0) {
        System.arraycopy(entries, head, entries, 0, count);
        java.util.Arrays.fill(entries, count, head + count, null);
        head = 0;
      } else {
        entries = java.util.Arrays.copyOf(entries, entries.length * 2);
      }
    }
    System.arraycopy(entries, head + at, entries, head + at + 1, count - at);
  }
}
