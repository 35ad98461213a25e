package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Utf8Order;
import dev.vigil.tsdb.index.ListPostings;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.PostingsIndex;
import dev.vigil.tsdb.index.PostingsOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The head's inverted index: for each label pair the references of its series. References are handed
 * out in increasing order and added in that order, so each list stays sorted by appending. Readers
 * get a copy of a list, so a select sees the series that existed when it started.
 */
final class MemPostings implements PostingsIndex {
  private static final String ALL = "";

  private final Map<String, Map<String, RefList>> byName = new HashMap<>();
  private final RefList all = new RefList();

  /**
   * One label pair's references, ascending. References are handed out densely from 1, so they are
   * kept in 4 bytes each; a reference beyond an int (only a foreign WAL could hold one) switches the
   * list to 8-byte references. Grown by half again, as most lists are small and every slack slot is
   * memory of the head.
   */
  private static final class RefList {
    private int[] narrow = new int[4];
    private long[] wide;
    int size;

    void add(long ref) {
      if (wide == null && ref <= Integer.MAX_VALUE) {
        if (size == narrow.length) {
          narrow = Arrays.copyOf(narrow, size + (size >> 1));
        }
        narrow[size++] = (int) ref;
        return;
      }
      if (wide == null) {
        wide = new long[narrow.length];
        for (int i = 0; i < size; i++) {
          wide[i] = narrow[i];
        }
        narrow = null;
      }
      if (size == wide.length) {
        wide = Arrays.copyOf(wide, size + (size >> 1));
      }
      wide[size++] = ref;
    }

    private long get(int i) {
      return wide != null ? wide[i] : narrow[i];
    }

    private void set(int i, long ref) {
      if (wide != null) {
        wide[i] = ref;
      } else {
        narrow[i] = (int) ref;
      }
    }

    Postings copy() {
      if (wide != null) {
        return new ListPostings(Arrays.copyOf(wide, size));
      }
      long[] refs = new long[size];
      for (int i = 0; i < size; i++) {
        refs[i] = narrow[i];
      }
      return new ListPostings(refs);
    }

    /** Drops the references in {@code sortedGone}, keeping the rest in order. */
    void removeAll(long[] sortedGone) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        long ref = get(i);
        if (Arrays.binarySearch(sortedGone, ref) < 0) {
          set(kept++, ref);
        }
      }
      size = kept;
    }
  }

  /** Adds a new series; its reference must be larger than every one added before. */
  synchronized void add(long ref, Labels labels) {
    all.add(ref);
    for (int i = 0; i < labels.size(); i++) {
      byName.computeIfAbsent(labels.name(i), n -> new HashMap<>())
          .computeIfAbsent(labels.value(i), v -> new RefList())
          .add(ref);
    }
  }

  /**
   * Removes garbage-collected series: every list one of them is in is filtered once, and label pairs
   * (and names) left without series disappear, so label APIs stop offering them.
   */
  synchronized void delete(Map<Long, Labels> gone) {
    if (gone.isEmpty()) {
      return;
    }
    long[] sorted = gone.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    all.removeAll(sorted);
    Map<String, Set<String>> touched = new HashMap<>();
    for (Labels labels : gone.values()) {
      labels.forEach((name, value) -> touched.computeIfAbsent(name, n -> new HashSet<>()).add(value));
    }
    touched.forEach((name, values) -> {
      Map<String, RefList> lists = byName.get(name);
      for (String value : values) {
        RefList list = lists.get(value);
        list.removeAll(sorted);
        if (list.size == 0) {
          lists.remove(value);
        }
      }
      if (lists.isEmpty()) {
        byName.remove(name);
      }
    });
  }

  @Override
  public synchronized List<String> labelValues(String name) {
    Map<String, RefList> values = byName.get(name);
    if (values == null) {
      return List.of();
    }
    List<String> sorted = new ArrayList<>(values.keySet());
    sorted.sort(Utf8Order::compare);
    return sorted;
  }

  synchronized List<String> labelNames() {
    List<String> sorted = new ArrayList<>(byName.keySet());
    sorted.sort(Utf8Order::compare);
    return sorted;
  }

  @Override
  public synchronized Postings allPostings() {
    return all.copy();
  }

  @Override
  public synchronized Postings postings(String name, String value) {
    if (name.equals(ALL) && value.equals(ALL)) {
      return all.copy();
    }
    Map<String, RefList> values = byName.get(name);
    RefList list = values == null ? null : values.get(value);
    return list == null ? Postings.EMPTY : list.copy();
  }

  @Override
  public Postings postings(String name, List<String> values) {
    List<Postings> lists = new ArrayList<>(values.size());
    for (String v : values) {
      lists.add(postings(name, v));
    }
    return PostingsOps.merge(lists);
  }
}
