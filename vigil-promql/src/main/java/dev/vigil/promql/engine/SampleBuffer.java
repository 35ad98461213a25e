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
    ValueType type = it.seek(mint);
    while (type != ValueType.NONE) {
      long t = it.atTime();
      if (t > maxt) {
        break;
      }
      double v = it.atValue();
      if (keepStale || !StaleMarker.isStale(v)) {
        add(t, v);
      }
      type = it.next();
    }
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
