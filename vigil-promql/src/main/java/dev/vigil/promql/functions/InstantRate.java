package dev.vigil.promql.functions;

/**
 * {@code irate} and {@code idelta}: the change between the window's last two samples, per second
 * for {@code irate}, which reads a drop as a counter reset and counts the last value alone.
 */
final class InstantRate implements RangeFunction {
  private final boolean isRate;

  InstantRate(boolean isRate) {
    this.isRate = isRate;
  }

  @Override
  public int minSamples() {
    return 2;
  }

  @Override
  public double apply(long[] t, double[] v, int from, int to, long evalTime, long rangeEnd, long rangeMillis,
      double[] params) {
    double last = v[to - 1];
    double previous = v[to - 2];
    double result = isRate && last < previous ? last : last - previous;
    if (isRate) {
      result /= (t[to - 1] - t[to - 2]) / 1000.0;
    }
    return result;
  }
}
