package dev.vigil.promql.functions;

import java.util.Arrays;

/**
 * One series' samples for tests, written the way Prometheus's test files load them, and evaluation of
 * a range function over the window Prometheus 2.42 would select: [end - range, end], end being the
 * evaluation time minus the offset.
 */
final class Samples {
  private final long[] t;
  private final double[] v;

  private Samples(long[] t, double[] v) {
    this.t = t;
    this.v = v;
  }

  /** The values at 0, interval, 2·interval, … milliseconds. */
  static Samples every(long intervalMillis, double... values) {
    long[] t = new long[values.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i * intervalMillis;
    }
    return new Samples(t, values);
  }

  static Samples at(long[] t, double[] v) {
    return new Samples(t, v);
  }

  /** start, start+step, …, start+times·step: Prometheus's {@code start+stepxtimes}. */
  static double[] ramp(double start, double step, int times) {
    double[] out = new double[times + 1];
    for (int i = 0; i <= times; i++) {
      out[i] = start + i * step;
    }
    return out;
  }

  static double[] concat(double[]... parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }

  static long minutes(long m) {
    return m * 60_000;
  }

  static long seconds(long s) {
    return s * 1000;
  }

  /** The function's value at evalMillis, or null when the window holds fewer samples than it needs. */
  Double eval(String function, long evalMillis, long rangeMillis, double... params) {
    return evalWithOffset(function, evalMillis, rangeMillis, 0, params);
  }

  Double evalWithOffset(String function, long evalMillis, long rangeMillis, long offsetMillis, double... params) {
    return evalWindow(function, evalMillis, evalMillis - offsetMillis, rangeMillis, params);
  }

  /** Evaluates over the window ending at rangeEnd, which an {@code @} modifier may set apart from evalMillis. */
  Double evalWindow(String function, long evalMillis, long rangeEnd, long rangeMillis, double... params) {
    RangeFunction f = RangeFunctions.byName(function);
    int from = 0;
    while (from < t.length && t[from] < rangeEnd - rangeMillis) {
      from++;
    }
    int to = from;
    while (to < t.length && t[to] <= rangeEnd) {
      to++;
    }
    if (to - from < f.minSamples()) {
      return null;
    }
    return f.apply(t, v, from, to, evalMillis, rangeEnd, rangeMillis, params);
  }
}
