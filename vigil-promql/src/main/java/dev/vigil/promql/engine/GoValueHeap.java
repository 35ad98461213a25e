package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import java.util.Arrays;

/**
 * The heap behind {@code topk} and {@code bottomk}, reproducing Go's container/heap and sort.Sort
 * step for step, because which of several equal values survive, and in what order they are
 * returned, follows from exactly those swaps. For topk it is a min-heap, for bottomk a max-heap;
 * NaN counts as the weakest value in both.
 */
final class GoValueHeap {
  /** Go's pdqsort sorts up to this many elements by insertion sort. */
  private static final int INSERTION_SORT_MAX = 12;

  private final boolean top;
  private Labels[] labels = new Labels[4];
  private double[] values = new double[4];
  private int size;

  GoValueHeap(boolean top) {
    this.top = top;
  }

  private boolean less(int i, int j) {
    if (Double.isNaN(values[i])) {
      return true;
    }
    return top ? values[i] < values[j] : values[i] > values[j];
  }

  private void swap(int i, int j) {
    Labels l = labels[i];
    labels[i] = labels[j];
    labels[j] = l;
    double v = values[i];
    values[i] = values[j];
    values[j] = v;
  }

  void push(Labels l, double v) {
    append(l, v);
    up(size - 1);
  }

  /** Appends without restoring heap order: for sorting a plain vector with {@link #drainSorted}. */
  void append(Labels l, double v) {
    if (size == values.length) {
      labels = Arrays.copyOf(labels, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    labels[size] = l;
    values[size] = v;
    size++;
  }

  /** Offers a sample to a heap limited to k elements, as Prometheus's aggregation does. */
  void offer(Labels l, double v, long k) {
    boolean better = top ? values[0] < v : values[0] > v;
    if (size < k || better || Double.isNaN(values[0])) {
      if (size == k) {
        if (k == 1) {
          labels[0] = l;
          values[0] = v;
          return;
        }
        pop();
      }
      push(l, v);
    }
  }

  private void pop() {
    int n = size - 1;
    swap(0, n);
    down(0, n);
    size--;
    labels[size] = null;
  }

  private void up(int j) {
    while (true) {
      int i = (j - 1) / 2;
      if (i == j || !less(j, i)) {
        break;
      }
      swap(i, j);
      j = i;
    }
  }

  private void down(int i0, int n) {
    int i = i0;
    while (true) {
      int j1 = 2 * i + 1;
      if (j1 >= n || j1 < 0) {
        break;
      }
      int j = j1;
      int j2 = j1 + 1;
      if (j2 < n && less(j2, j1)) {
        j = j2;
      }
      if (!less(j, i)) {
        break;
      }
      swap(i, j);
      i = j;
    }
  }

  interface SampleSink {
    void accept(Labels labels, double value);
  }

  /**
   * Sorts best first (sort.Reverse of the heap order) and hands out the samples. Up to twelve
   * elements this is Go's insertion sort exactly; beyond, a stable sort that can differ from Go's
   * pdqsort only in the order of equal values.
   */
  void drainSorted(SampleSink sink) {
    if (size <= INSERTION_SORT_MAX) {
      for (int i = 1; i < size; i++) {
        for (int j = i; j > 0 && less(j - 1, j); j--) {
          swap(j, j - 1);
        }
      }
    } else {
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> {
        boolean nanA = Double.isNaN(values[a]);
        boolean nanB = Double.isNaN(values[b]);
        if (nanA || nanB) {
          return Boolean.compare(nanA, nanB);
        }
        return top ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]);
      });
      Labels[] l = new Labels[size];
      double[] v = new double[size];
      for (int i = 0; i < size; i++) {
        l[i] = labels[idx[i]];
        v[i] = values[idx[i]];
      }
      System.arraycopy(l, 0, labels, 0, size);
      System.arraycopy(v, 0, values, 0, size);
    }
    for (int i = 0; i < size; i++) {
      sink.accept(labels[i], values[i]);
    }
  }
}
