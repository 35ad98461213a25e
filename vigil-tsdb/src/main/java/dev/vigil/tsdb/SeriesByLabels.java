package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The head's series by label set: open addressing over one array of series, probed linearly from a
 * spread of the labels' (cached) hash. A series costs a slot or two of 4 bytes, where a map costs a
 * 32-byte node and a slot, and a lookup reads no node. Lookups are lock-free: the array is published
 * through a volatile field and its slots are read with acquire semantics, so a lookup that races a
 * change may miss a series just added (callers check again under their lock) but never sees a
 * half-made one. Changes must be serialised by the caller. A removed series leaves a marker that
 * lookups pass over, until the next rebuild.
 */
final class SeriesByLabels {
  private static final int MIN_CAPACITY = 1024;
  private static final Object REMOVED = new Object();
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  private volatile Object[] slots = new Object[MIN_CAPACITY];
  private int size;
  private int removed;

  /** The series with exactly these labels, or null. */
  MemSeries get(Labels labels) {
    Object[] table = slots;
    int mask = table.length - 1;
    for (int i = indexOf(labels, mask); ; i = (i + 1) & mask) {
      Object o = SLOT.getAcquire(table, i);
      if (o == null) {
        return null;
      }
      if (o != REMOVED && ((MemSeries) o).labels().equals(labels)) {
        return (MemSeries) o;
      }
    }
  }

  /** Adds a series whose labels are not in the table yet. */
  void add(MemSeries series) {
    if ((size + removed + 1) * 4L > slots.length * 3L) {
      rebuild();
    }
    Object[] table = slots;
    int mask = table.length - 1;
    int i = indexOf(series.labels(), mask);
    while (true) {
      Object o = table[i];
      if (o == null || o == REMOVED) {
        if (o == REMOVED) {
          removed--;
        }
        SLOT.setRelease(table, i, series);
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes the series with these labels, if there is one. */
  void remove(Labels labels) {
    Object[] table = slots;
    int mask = table.length - 1;
    for (int i = indexOf(labels, mask); table[i] != null; i = (i + 1) & mask) {
      Object o = table[i];
      if (o != REMOVED && ((MemSeries) o).labels().equals(labels)) {
        SLOT.setRelease(table, i, REMOVED);
        size--;
        removed++;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  /** A new array at most half full, without markers, published once filled. */
  private void rebuild() {
    int capacity = MIN_CAPACITY;
    while (capacity < (size + 1) * 2L) {
      capacity <<= 1;
    }
    Object[] next = new Object[capacity];
    int mask = capacity - 1;
    for (Object o : slots) {
      if (o != null && o != REMOVED) {
        int i = indexOf(((MemSeries) o).labels(), mask);
        while (next[i] != null) {
          i = (i + 1) & mask;
        }
        next[i] = o;
      }
    }
    removed = 0;
    slots = next;
  }

  private static int indexOf(Labels labels, int mask) {
    int h = labels.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
