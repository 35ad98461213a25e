package dev.vigil.tsdb.compact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A binary min-heap that moves its elements exactly as Go's container/heap does: push sifts the new
 * element up, pop swaps the root with the last element and sifts down over the rest. Prometheus's
 * merges pick among equal elements by where they sit in such heaps, so repeating its moves repeats
 * its picks (which of two samples at one timestamp survives, for one).
 */
final class GoHeap<T> {
  private final Comparator<? super T> order;
  private final List<T> items = new ArrayList<>();

  /** @param order the heap's "less": {@code order.compare(a, b) < 0} puts {@code a} nearer the top. */
  GoHeap(Comparator<? super T> order) {
    this.order = order;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  T peek() {
    return items.get(0);
  }

  void push(T item) {
    items.add(item);
    up(items.size() - 1);
  }

  T pop() {
    int last = items.size() - 1;
    swap(0, last);
    down(0, last);
    return items.remove(last);
  }

  private boolean less(int i, int j) {
    return order.compare(items.get(i), items.get(j)) < 0;
  }

  private void swap(int i, int j) {
    T t = items.get(i);
    items.set(i, items.get(j));
    items.set(j, t);
  }

  private void up(int j) {
    while (j > 0) {
      int parent = (j - 1) / 2;
      if (!less(j, parent)) {
        break;
      }
      swap(parent, j);
      j = parent;
    }
  }

  private void down(int i, int n) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= n) {
        break;
      }
      int child = left;
      if (left + 1 < n && less(left + 1, left)) {
        child = left + 1;
      }
      if (!less(child, i)) {
        break;
      }
      swap(i, child);
      i = child;
    }
  }
}
