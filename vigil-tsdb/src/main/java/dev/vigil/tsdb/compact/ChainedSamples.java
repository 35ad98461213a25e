package dev.vigil.tsdb.compact;

import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.util.Comparator;
import java.util.List;

/**
 * The samples of several runs of one series in time order, each timestamp once: Prometheus's chain
 * sample iterator (storage.ChainedSeriesMerge), which vertical compaction merges overlapping chunks
 * with. It reads on in the current run while that run stays strictly below every other run's next
 * sample, and otherwise takes the run at the top of a {@link GoHeap} ordered by next timestamp; of
 * several samples at one timestamp the first one reached wins and the others are skipped, so which
 * one wins follows the heap's moves as in Prometheus.
 */
final class ChainedSamples {
  private final List<SampleIterator> runs;
  private GoHeap<SampleIterator> heap;
  private SampleIterator current;
  private long lastTime = Long.MIN_VALUE;

  /** @param runs iterators over strictly increasing timestamps, none advanced yet */
  ChainedSamples(List<SampleIterator> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no sample runs to chain");
    }
    this.runs = List.copyOf(runs);
  }

  boolean next() {
    if (heap == null) {
      heap = new GoHeap<>(Comparator.comparingLong(SampleIterator::atTime));
      current = runs.get(0);
      for (SampleIterator run : runs.subList(1, runs.size())) {
        if (run.next() != ValueType.NONE) {
          heap.push(run);
        }
      }
    }
    if (current == null) {
      return false;
    }
    long t;
    while (true) {
      if (current.next() != ValueType.NONE) {
        t = current.atTime();
        if (t == lastTime) {
          continue;
        }
        if (heap.isEmpty() || t < heap.peek().atTime()) {
          break;
        }
        heap.push(current);
      } else if (heap.isEmpty()) {
        current = null;
        return false;
      }
      current = heap.pop();
      t = current.atTime();
      if (t != lastTime) {
        break;
      }
    }
    lastTime = t;
    return true;
  }

  long atTime() {
    return current.atTime();
  }

  double atValue() {
    return current.atValue();
  }
}
