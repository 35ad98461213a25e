package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import java.util.Iterator;
import java.util.List;

/**
 * The series of a range vector, one at a time, each with all its samples (stale markers removed)
 * over every window the evaluation will ask for. Each step's window is [t - offset - range,
 * t - offset], both ends inclusive as in Prometheus 2.
 */
abstract class SeriesWindows {
  private final long offset;
  private final long range;
  final SampleBuffer buffer = new SampleBuffer();

  SeriesWindows(long offset, long range) {
    this.offset = offset;
    this.range = range;
  }

  /** Moves to the next series; false when there are no more. */
  abstract boolean next();

  abstract Labels labels();

  long offset() {
    return offset;
  }

  long range() {
    return range;
  }

  long[] times() {
    return buffer.times;
  }

  double[] values() {
    return buffer.values;
  }

  int size() {
    return buffer.size;
  }

  /** Index of the first sample at or after {@code t}, searching from {@code from}. */
  int firstAtOrAfter(long t, int from) {
    int i = from;
    while (i < buffer.size && buffer.times[i] < t) {
      i++;
    }
    return i;
  }

  /** Index of the first sample after {@code t}, searching from {@code from}. */
  int firstAfter(long t, int from) {
    int i = from;
    while (i < buffer.size && buffer.times[i] <= t) {
      i++;
    }
    return i;
  }

  static SeriesWindows fromStorage(SeriesSet set, long mint, long maxt, long offset, long range, QueryGuard guard) {
    return new SeriesWindows(offset, range) {
      private SampleIterator it;

      @Override
      boolean next() {
        if (!set.next()) {
          return false;
        }
        guard.check(QueryGuard.EVALUATION);
        it = set.at().iterator(it);
        buffer.load(it, mint, maxt, false);
        return true;
      }

      @Override
      Labels labels() {
        return set.at().labels();
      }
    };
  }

  /** Windows over the step results of a subquery; {@code inner} is null when it had no steps. */
  static SeriesWindows fromRows(List<StepSeries> rows, Timeline inner, long offset, long range) {
    Iterator<StepSeries> iterator = rows.iterator();
    return new SeriesWindows(offset, range) {
      private StepSeries current;

      @Override
      boolean next() {
        if (!iterator.hasNext()) {
          return false;
        }
        current = iterator.next();
        buffer.clear();
        for (int step = 0; step < current.present.length; step++) {
          if (current.present[step]) {
            buffer.add(inner.at(step), current.values[step]);
          }
        }
        return true;
      }

      @Override
      Labels labels() {
        return current.labels;
      }
    };
  }
}
