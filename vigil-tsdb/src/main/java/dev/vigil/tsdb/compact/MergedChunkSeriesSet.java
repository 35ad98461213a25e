package dev.vigil.tsdb.compact;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkSeries;
import dev.vigil.core.storage.ChunkSeriesSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The union of label-sorted chunk series sets, one series per label set, as Prometheus's
 * storage.NewMergeChunkSeriesSet with the compacting merger: the sets sit in a {@link GoHeap} by
 * their current labels; a label set found in one set passes through as it is, one found in several
 * becomes a series whose chunks a {@link CompactingChunkIterator} merges, fed in heap order.
 */
final class MergedChunkSeriesSet implements ChunkSeriesSet {
  private final GoHeap<ChunkSeriesSet> heap = new GoHeap<>((a, b) -> a.at().labels().compareTo(b.at().labels()));
  private List<ChunkSeriesSet> current = List.of();
  private ChunkSeries series;

  private MergedChunkSeriesSet(List<ChunkSeriesSet> sets) {
    for (ChunkSeriesSet set : sets) {
      if (set.next()) {
        heap.push(set);
      }
    }
  }

  /** One set is returned as it is; Prometheus merges only when there are several. */
  static ChunkSeriesSet of(List<ChunkSeriesSet> sets) {
    return sets.size() == 1 ? sets.get(0) : new MergedChunkSeriesSet(sets);
  }

  @Override
  public boolean next() {
    for (ChunkSeriesSet set : current) {
      if (set.next()) {
        heap.push(set);
      }
    }
    if (heap.isEmpty()) {
      return false;
    }
    Labels labels = heap.peek().at().labels();
    List<ChunkSeries> same = new ArrayList<>();
    List<ChunkSeriesSet> popped = new ArrayList<>();
    while (!heap.isEmpty() && heap.peek().at().labels().equals(labels)) {
      ChunkSeriesSet set = heap.pop();
      popped.add(set);
      same.add(set.at());
    }
    current = popped;
    series = same.size() == 1 ? same.get(0) : new MergedSeries(labels, same);
    return true;
  }

  @Override
  public ChunkSeries at() {
    return series;
  }

  private record MergedSeries(Labels labels, List<ChunkSeries> parts) implements ChunkSeries {
    @Override
    public ChunkIterator iterator() {
      List<ChunkIterator> iterators = new ArrayList<>(parts.size());
      for (ChunkSeries part : parts) {
        iterators.add(part.iterator());
      }
      return new CompactingChunkIterator(iterators);
    }
  }
}
