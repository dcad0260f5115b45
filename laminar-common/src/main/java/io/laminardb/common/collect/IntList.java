package io.laminardb.common.collect;

import java.util.Arrays;

/** A growable list of primitive ints, for hot paths (no boxing). */
public final class IntList {
  private int[] values;
  private int size;

  public IntList() {
    this(8);
  }

  public IntList(int capacity) {
    this.values = new int[Math.max(1, capacity)];
  }

  public void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  public int get(int index) {
    return values[index];
  }

  public void set(int index, int value) {
    values[index] = value;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void clear() {
    size = 0;
  }

  /** Removes the element at {@code index} by moving the last element into its place (order not kept). */
  public void removeSwap(int index) {
    values[index] = values[--size];
  }

  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
