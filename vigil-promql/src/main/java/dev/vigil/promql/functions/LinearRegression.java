package dev.vigil.promql.functions;

/**
 * Least-squares fit of value against time for {@code deriv} (the slope, with time measured from the
 * first sample to keep the sums small) and {@code predict_linear} (the fitted value params[0] seconds
 * after the evaluation time). All four sums are compensated. A window of identical values has slope 0
 * and that value as intercept, except that an infinite one gives NaN for both.
 */
final class LinearRegression implements RangeFunction {
  private final boolean predict;

  private LinearRegression(boolean predict) {
    this.predict = predict;
  }

  static LinearRegression deriv() {
    return new LinearRegression(false);
  }

  static LinearRegression predictLinear() {
    return new LinearRegression(true);
  }

  @Override
  public int minSamples() {
    return 2;
  }

  @Override
  public double apply(long[] t, double[] v, int from, int to, long evalTime, long rangeEnd, long rangeMillis,
      double[] params) {
    long interceptTime = predict ? evalTime : t[from];
    KahanSum sumX = new KahanSum();
    KahanSum sumY = new KahanSum();
    KahanSum sumXY = new KahanSum();
    KahanSum sumX2 = new KahanSum();
    boolean constantY = true;
    for (int i = from; i < to; i++) {
      constantY &= v[i] == v[from];
      double x = (t[i] - interceptTime) / 1e3;
      sumX.add(x);
      sumY.add(v[i]);
      sumXY.add(x * v[i]);
      sumX2.add(x * x);
    }
    double slope;
    double intercept;
    if (constantY) {
      boolean infinite = Double.isInfinite(v[from]);
      slope = infinite ? Double.NaN : 0;
      intercept = infinite ? Double.NaN : v[from];
    } else {
      double n = to - from;
      double x = sumX.total();
      double y = sumY.total();
      double covXY = sumXY.total() - x * y / n;
      double varX = sumX2.total() - x * x / n;
      slope = covXY / varX;
      intercept = y / n - slope * x / n;
    }
    return predict ? slope * params[0] + intercept : slope;
  }
}
