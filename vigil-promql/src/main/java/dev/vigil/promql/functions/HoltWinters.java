package dev.vigil.promql.functions;

import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.PromqlException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code holt_winters(v, sf, tf)}: double exponential smoothing of the window's values with smoothing
 * factor sf and trend factor tf, both strictly between 0 and 1; the result is the last smoothed value.
 * The first trend estimate is the difference of the first two samples.
 */
final class HoltWinters implements RangeFunction {
  @Override
  public int minSamples() {
    return 2;
  }

  @Override
  public void checkParams(double[] params) {
    // NaN passes both checks, as in Prometheus, and makes the result NaN.
    if (params[0] <= 0 || params[0] >= 1) {
      throw invalid("invalid smoothing factor. Expected: 0 < sf < 1, got: ", params[0]);
    }
    if (params[1] <= 0 || params[1] >= 1) {
      throw invalid("invalid trend factor. Expected: 0 < tf < 1, got: ", params[1]);
    }
  }

  @Override
  public double apply(long[] t, double[] v, int from, int to, long evalTime, long rangeEnd, long rangeMillis,
      double[] params) {
    checkParams(params);
    double sf = params[0];
    double tf = params[1];
    double previousSmoothed = 0;
    double smoothed = v[from];
    double trend = v[from + 1] - v[from];
    for (int i = from + 1; i < to; i++) {
      // The first step keeps the initial trend; later ones blend in the last change of the smoothed value.
      if (i > from + 1) {
        trend = tf * (smoothed - previousSmoothed) + (1 - tf) * trend;
      }
      double next = sf * v[i] + (1 - sf) * (smoothed + trend);
      previousSmoothed = smoothed;
      smoothed = next;
    }
    return smoothed;
  }

  private static PromqlException invalid(String text, double value) {
    return new PromqlException(ErrorType.EXECUTION, text + formatFixed6(value));
  }

  /** Go's {@code fmt.Sprintf("%f", v)}: six decimals of the exact binary value, ties to even, sign kept on zero. */
  static String formatFixed6(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String digits = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    boolean negative = Double.doubleToRawLongBits(v) < 0;
    return negative && !digits.startsWith("-") ? "-" + digits : digits;
  }
}
