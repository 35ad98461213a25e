package dev.vigil.tsdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The head's series by reference. References are handed out densely from 1, so they index pages of
 * an array: a lookup (once per scraped sample) is two array reads, without boxing or hashing, and an
 * entry costs a slot rather than a map node. References beyond {@link #DIRECT_LIMIT} (only a foreign
 * WAL could hold such) live in a map instead, so no reference can make the pages huge. Lookups are
 * lock-free; changes must be serialised by the caller. Pages are plain arrays read and written with
 * acquire/release semantics, so a lookup follows two references (directory, page) to the series.
 */
final class SeriesTable<S> {
  private static final int PAGE_BITS = 10;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  static final long DIRECT_LIMIT = 1L << 30;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  private volatile Object[][] pages = new Object[16][];
  private final Map<Long, S> overflow = new ConcurrentHashMap<>();
  private volatile int size;

  S get(long ref) {
    if (ref <= 0 || ref >= DIRECT_LIMIT) {
      return ref <= 0 ? null : overflow.get(ref);
    }
    Object[][] directory = pages;
    int page = (int) (ref >>> PAGE_BITS);
    if (page >= directory.length || directory[page] == null) {
      return null;
    }
    return slot(directory[page], (int) (ref & (PAGE_SIZE - 1)));
  }

  boolean contains(long ref) {
    return get(ref) != null;
  }

  /** Sets the series of {@code ref} (which must be positive); callers serialise changes. */
  void put(long ref, S series) {
    if (ref <= 0) {
      throw new IllegalArgumentException("series references start at 1, got " + ref);
    }
    if (ref >= DIRECT_LIMIT) {
      if (overflow.put(ref, series) == null) {
        size++;
      }
      return;
    }
    int page = (int) (ref >>> PAGE_BITS);
    Object[][] directory = pages;
    if (page >= directory.length) {
      directory = Arrays.copyOf(directory, Math.max(page + 1, directory.length * 2));
      pages = directory;
    }
    if (directory[page] == null) {
      directory[page] = new Object[PAGE_SIZE];
      // Re-publish the directory so lock-free readers see the new page.
      pages = directory;
    }
    int i = (int) (ref & (PAGE_SIZE - 1));
    if (slot(directory[page], i) == null) {
      size++;
    }
    SLOT.setRelease(directory[page], i, series);
  }

  /** Removes every entry whose series matches; callers serialise changes. */
  void removeIf(Predicate<S> doomed) {
    for (Object[] page : pages) {
      if (page == null) {
        continue;
      }
      for (int i = 0; i < PAGE_SIZE; i++) {
        S s = slot(page, i);
        if (s != null && doomed.test(s)) {
          SLOT.setRelease(page, i, null);
          size--;
        }
      }
    }
    int before = overflow.size();
    overflow.values().removeIf(doomed);
    size -= before - overflow.size();
  }

  @SuppressWarnings("unchecked")
  private S slot(Object[] page, int i) {
    return (S) SLOT.getAcquire(page, i);
  }

  /** References in use (a series logged under two references counts twice). */
  int size() {
    return size;
  }

  /** Every series once, even when several references name it. */
  List<S> distinctValues() {
    Map<S, Boolean> seen = new IdentityHashMap<>();
    List<S> out = new ArrayList<>();
    for (Object[] page : pages) {
      if (page == null) {
        continue;
      }
      for (int i = 0; i < PAGE_SIZE; i++) {
        S s = slot(page, i);
        if (s != null && seen.put(s, Boolean.TRUE) == null) {
          out.add(s);
        }
      }
    }
    for (S s : overflow.values()) {
      if (seen.put(s, Boolean.TRUE) == null) {
        out.add(s);
      }
    }
    return out;
  }
}
