package dev.vigil.promql.value;

import dev.vigil.core.labels.Labels;

/**
 * One series of a matrix: the first {@code count} entries of {@code timestamps} (milliseconds,
 * increasing) and {@code values}. The arrays are owned by this value and must not be changed.
 */
public record RangeSeries(Labels labels, long[] timestamps, double[] values, int count) {
  public RangeSeries {
    if (count < 0 || count > timestamps.length || count > values.length) {
      throw new IllegalArgumentException("count " + count + " exceeds the arrays");
    }
  }
}
