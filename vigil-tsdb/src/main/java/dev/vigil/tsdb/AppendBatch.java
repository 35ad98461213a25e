package dev.vigil.tsdb;

import dev.vigil.tsdb.encoding.EncodingBuffer;
import java.util.Arrays;

/**
 * The samples of one head transaction as parallel arrays, and the buffer their WAL record is encoded
 * into. Batches are handed from transaction to transaction by an {@link AppendBatchPool}, so a scrape
 * in the steady state finds arrays already grown to its size instead of growing new ones.
 */
final class AppendBatch {
  private static final int INITIAL_CAPACITY = 256;

  MemSeries[] series = new MemSeries[INITIAL_CAPACITY];
  long[] refs = new long[INITIAL_CAPACITY];
  long[] times = new long[INITIAL_CAPACITY];
  double[] values = new double[INITIAL_CAPACITY];
  int size;
  final EncodingBuffer walRecord = new EncodingBuffer(0);

  void add(MemSeries s, long t, double v) {
    if (size == series.length) {
      int grown = size * 2;
      series = Arrays.copyOf(series, grown);
      refs = Arrays.copyOf(refs, grown);
      times = Arrays.copyOf(times, grown);
      values = Arrays.copyOf(values, grown);
    }
    series[size] = s;
    refs[size] = s.ref;
    times[size] = t;
    values[size] = v;
    size++;
  }

  /** Moves sample {@code from} to the earlier index {@code to}, for compacting the batch in place. */
  void move(int from, int to) {
    series[to] = series[from];
    refs[to] = refs[from];
    times[to] = times[from];
    values[to] = values[from];
  }

  int capacity() {
    return series.length;
  }

  /** Empties the batch, letting go of its series so collected ones can be freed. */
  void clear() {
    Arrays.fill(series, 0, size, null);
    size = 0;
  }
}
