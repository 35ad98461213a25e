package dev.vigil.promql.functions;

/**
 * {@code rate}, {@code increase} and {@code delta}: the change between the window's first and last
 * samples (for counters, plus every value a reset dropped), extrapolated towards the window's edges.
 *
 * <p>Extrapolation covers the gap between a boundary sample and the window's edge only while that gap
 * is shorter than 1.1 times the average sample interval; a longer gap means the series starts or
 * ends inside the window, and only half an average interval is added on that side. A counter is also
 * never extrapolated to before the time its trend would have passed zero.
 */
final class ExtrapolatedRate implements RangeFunction {
  private final boolean isCounter;
  private final boolean isRate;

  ExtrapolatedRate(boolean isCounter, boolean isRate) {
    this.isCounter = isCounter;
    this.isRate = isRate;
  }

  @Override
  public int minSamples() {
    return 2;
  }

  @Override
  public double apply(long[] t, double[] v, int from, int to, long evalTime, long rangeEnd, long rangeMillis,
      double[] params) {
    int last = to - 1;
    double result = v[last] - v[from];
    if (isCounter) {
      for (int i = from + 1; i < to; i++) {
        if (v[i] < v[i - 1]) {
          result += v[i - 1];
        }
      }
    }
    long rangeStart = rangeEnd - rangeMillis;
    double durationToStart = (t[from] - rangeStart) / 1000.0;
    double durationToEnd = (rangeEnd - t[last]) / 1000.0;
    double sampledInterval = (t[last] - t[from]) / 1000.0;
    double averageInterval = sampledInterval / (to - from - 1);

    if (isCounter && result > 0 && v[from] >= 0) {
      double durationToZero = sampledInterval * (v[from] / result);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }

    double threshold = averageInterval * 1.1;
    double extrapolateTo = sampledInterval;
    extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
    extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
    double factor = extrapolateTo / sampledInterval;
    if (isRate) {
      factor /= seconds(rangeMillis);
    }
    return result * factor;
  }

  /** A range in seconds as Go's {@code Duration.Seconds()} converts it: whole seconds plus the fraction. */
  private static double seconds(long millis) {
    return (millis / 1000) + (millis % 1000) * 1_000_000 / 1e9;
  }
}
