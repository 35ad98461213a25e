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

  private static final class RefList {
    long[] refs = new long[4];
    int size;

    void add(long ref) {
      if (size == refs.length) {
        refs = Arrays.copyOf(refs, size * 2);
      }
      refs[size++] = ref;
    }

    Postings copy() {
      return new ListPostings(Arrays.copyOf(refs, size));
    }

    /** Drops the references in {@code sortedGone}, keeping the rest in order. */
    void removeAll(long[] sortedGone) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (Arrays.binarySearch(sortedGone, refs[i]) < 0) {
          refs[kept++] = refs[i];
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
