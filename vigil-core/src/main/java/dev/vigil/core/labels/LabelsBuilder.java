package dev.vigil.core.labels;

import java.util.Arrays;

/** Collects labels in any order and builds a sorted {@link Labels}; setting a name twice keeps the last value. */
public final class LabelsBuilder {
  private String[] pairs;
  private int size;

  LabelsBuilder(int expectedLabels) {
    pairs = new String[Math.max(2, expectedLabels * 2)];
  }

  /** Adds a label; a name given twice is an error when the set is built. */
  public LabelsBuilder add(String name, String value) {
    if (name == null || value == null) {
      throw new IllegalArgumentException("label name and value must not be null");
    }
    if (size == pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[size++] = name;
    pairs[size++] = value;
    return this;
  }

  /** Sets a label, replacing an existing one of that name; an empty value removes it, as in Prometheus. */
  public LabelsBuilder set(String name, String value) {
    remove(name);
    if (!value.isEmpty()) {
      add(name, value);
    }
    return this;
  }

  public LabelsBuilder remove(String name) {
    for (int i = 0; i < size; i += 2) {
      if (pairs[i].equals(name)) {
        System.arraycopy(pairs, i + 2, pairs, i, size - i - 2);
        size -= 2;
        pairs[size] = null;
        pairs[size + 1] = null;
        return this;
      }
    }
    return this;
  }

  public int size() {
    return size / 2;
  }

  /** Sorts by name and builds; throws when a name occurs twice. */
  public Labels build() {
    String[] sorted = Arrays.copyOf(pairs, size);
    sortPairs(sorted);
    for (int i = 2; i < sorted.length; i += 2) {
      if (sorted[i].equals(sorted[i - 2])) {
        throw new IllegalArgumentException("duplicate label name: " + sorted[i]);
      }
    }
    return Labels.wrapSorted(sorted);
  }

  private static void sortPairs(String[] a) {
    // Label sets are small; insertion sort on pairs avoids boxing and is already sorted in the common case.
    for (int i = 2; i < a.length; i += 2) {
      String name = a[i];
      String value = a[i + 1];
      int j = i - 2;
      while (j >= 0 && Utf8Order.compare(a[j], name) > 0) {
        a[j + 2] = a[j];
        a[j + 3] = a[j + 1];
        j -= 2;
      }
      a[j + 2] = name;
      a[j + 3] = value;
    }
  }
}
