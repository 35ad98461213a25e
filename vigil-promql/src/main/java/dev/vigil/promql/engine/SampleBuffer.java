package dev.vigil.promql.engine;

import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.util.Arrays;

/** The samples of one series within a time range, in growable parallel arrays reused across series. */
final class SampleBuffer {
  long[] times = new long[64];
  double[] values = new double[64];
  int size;

  /** Reads the samples in [mint, maxt]; stale markers are kept only when {@code keepStale}. */
  void load(SampleIterator it, long mint, long maxt, boolean keepStale) {
    size = 0;
    if (it.seek(mint) == ValueType.NONE || it.atTime() > maxt) {
      return;
    }
    add(it.atTime(), it.atValue());
    while (true) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      int r = it.nextBatch(maxt, times, values, size, times.length - size);
      if (r < 0) {
        size += -r - 1;
        break;
      }
      size += r;
      if (size < times.length) {
        break;
      }
    }
    if (!keepStale) {
      dropStaleMarkers();
    }
  }

  private void dropStaleMarkers() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!StaleMarker.isStale(values[i])) {
        times[kept] = times[i];
        values[kept] = values[i];
        kept++;
      }
    }
    size = kept;
  }

  void clear() {
    size = 0;
  }

  void add(long t, double v) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    times[size] = t;
    values[size] = v;
    size++;
  }
}
