package dev.vigil.web.api;

import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The union of several label-sorted series sets, sorted, each label set once: what a series lookup
 * with several {@code match[]} selectors returns. Only labels are merged; samples are never read.
 */
final class SortedSeriesMerge implements SeriesSet {
  private final List<SeriesSet> sets;
  private final PriorityQueue<SeriesSet> heap =
      new PriorityQueue<>((a, b) -> a.at().labels().compareTo(b.at().labels()));
  private final List<SeriesSet> advance = new ArrayList<>();
  private boolean started;
  private Series current;

  SortedSeriesMerge(List<SeriesSet> sets) {
    this.sets = sets;
  }

  @Override
  public boolean next() {
    if (!started) {
      started = true;
      advance.addAll(sets);
    }
    // The sets that gave the current series move on only now, so that series stays valid until here.
    for (SeriesSet s : advance) {
      if (s.next()) {
        heap.add(s);
      }
    }
    advance.clear();
    if (heap.isEmpty()) {
      return false;
    }
    current = heap.peek().at();
    while (!heap.isEmpty() && heap.peek().at().labels().equals(current.labels())) {
      advance.add(heap.poll());
    }
    return true;
  }

  @Override
  public Series at() {
    return current;
  }

  @Override
  public List<String> warnings() {
    List<String> all = new ArrayList<>();
    for (SeriesSet s : sets) {
      all.addAll(s.warnings());
    }
    return all;
  }
}
