package dev.vigil.tsdb.index;

import java.util.Arrays;

/** A growable list of ints without boxing, for series references in postings. */
final class IntList {
  private int[] values = new int[4];
  private int size;

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  int get(int i) {
    return values[i];
  }
}
