package io.laminardb.core.operator.aggregate;

import io.laminardb.common.collect.IntList;
import java.util.Arrays;

/**
 * The groups (slots) a step changed and that still await emission: a list in marking order plus a flag per
 * slot, so marking is O(1) and a slot is listed once. Unmarked slots may stay in the list until
 * {@link #clear()}; readers skip them with {@link #isMarked}.
 */
public final class DirtySlots {
  private final IntList slots = new IntList();
  private boolean[] marked = new boolean[16];

  public void mark(int slot) {
    if (slot >= marked.length) {
      marked = Arrays.copyOf(marked, Math.max(slot + 1, marked.length * 2));
    }
    if (!marked[slot]) {
      marked[slot] = true;
      slots.add(slot);
    }
  }

  public void unmark(int slot) {
    if (slot < marked.length) {
      marked[slot] = false;
    }
  }

  public boolean isMarked(int slot) {
    return slot < marked.length && marked[slot];
  }

  /** Listed slots (some may have been unmarked since). */
  public int size() {
    return slots.size();
  }

  public int get(int index) {
    return slots.get(index);
  }

  /** Forgets the list; flags of listed slots must already be cleared (or are cleared here). */
  public void clear() {
    for (int i = 0; i < slots.size(); i++) {
      marked[slots.get(i)] = false;
    }
    slots.clear();
  }
}
