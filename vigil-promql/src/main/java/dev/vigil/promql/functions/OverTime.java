package dev.vigil.promql.functions;

import java.util.Arrays;

/**
 * The {@code *_over_time} functions, {@code changes} and {@code resets}: each reads only the values in
 * the window, in time order, and has a result for a single sample.
 */
final class OverTime implements RangeFunction {
  /** A computation over {@code v[from..to)}, never empty. */
  @FunctionalInterface
  interface ValuesFunction {
    double apply(double[] v, int from, int to, double[] params);
  }

  private final ValuesFunction function;

  OverTime(ValuesFunction function) {
    this.function = function;
  }

  @Override
  public int minSamples() {
    return 1;
  }

  @Override
  public double apply(long[] t, double[] v, int from, int to, long evalTime, long rangeEnd, long rangeMillis,
      double[] params) {
    return function.apply(v, from, to, params);
  }

  static double sum(double[] v, int from, int to, double[] params) {
    KahanSum sum = new KahanSum();
    for (int i = from; i < to; i++) {
      sum.add(v[i]);
    }
    return sum.totalKeepingInfinity();
  }

  /** An incremental mean, compensated, each step dividing both terms by the count so that large values do not overflow. */
  static double avg(double[] v, int from, int to, double[] params) {
    KahanSum mean = new KahanSum();
    double count = 0;
    for (int i = from; i < to; i++) {
      count++;
      double m = mean.rawSum();
      if (!Aggregations.infiniteMeanAbsorbs(m, v[i])) {
        mean.add(v[i] / count - m / count);
      }
    }
    return mean.totalKeepingInfinity();
  }

  static double count(double[] v, int from, int to, double[] params) {
    return to - from;
  }

  /** The smallest value; NaN only when every value is NaN (a NaN is replaced by any later value). */
  static double min(double[] v, int from, int to, double[] params) {
    double min = v[from];
    for (int i = from; i < to; i++) {
      if (v[i] < min || Double.isNaN(min)) {
        min = v[i];
      }
    }
    return min;
  }

  /** The largest value; NaN only when every value is NaN (a NaN is replaced by any later value). */
  static double max(double[] v, int from, int to, double[] params) {
    double max = v[from];
    for (int i = from; i < to; i++) {
      if (v[i] > max || Double.isNaN(max)) {
        max = v[i];
      }
    }
    return max;
  }

  static double last(double[] v, int from, int to, double[] params) {
    return v[to - 1];
  }

  static double present(double[] v, int from, int to, double[] params) {
    return 1;
  }

  /** {@link Quantiles#quantile} of the values for φ = params[0], on a copy so that the window keeps its order. */
  static double quantile(double[] v, int from, int to, double[] params) {
    return Quantiles.quantile(params[0], Arrays.copyOfRange(v, from, to), to - from);
  }

  static double stdvar(double[] v, int from, int to, double[] params) {
    return variance(v, from, to);
  }

  static double stddev(double[] v, int from, int to, double[] params) {
    return Math.sqrt(variance(v, from, to));
  }

  /** Welford's running population variance, with both the mean and the sum of squares compensated. */
  private static double variance(double[] v, int from, int to) {
    double count = 0;
    KahanSum mean = new KahanSum();
    KahanSum squares = new KahanSum();
    for (int i = from; i < to; i++) {
      count++;
      double delta = v[i] - mean.total();
      mean.add(delta / count);
      squares.add(delta * (v[i] - mean.total()));
    }
    return squares.total() / count;
  }

  /** How often the value differs from the one before; NaN following NaN is no change. */
  static double changes(double[] v, int from, int to, double[] params) {
    int changes = 0;
    for (int i = from + 1; i < to; i++) {
      if (v[i] != v[i - 1] && !(Double.isNaN(v[i]) && Double.isNaN(v[i - 1]))) {
        changes++;
      }
    }
    return changes;
  }

  /** How often the value drops below the one before. */
  static double resets(double[] v, int from, int to, double[] params) {
    int resets = 0;
    for (int i = from + 1; i < to; i++) {
      if (v[i] < v[i - 1]) {
        resets++;
      }
    }
    return resets;
  }
}
