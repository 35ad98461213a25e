package dev.vigil.promql.functions;

import static dev.vigil.promql.functions.Samples.minutes;
import static dev.vigil.promql.functions.Samples.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Values that Prometheus 2.42's {@code promtool test rules} computed for two irregular series (samples
 * every 15s with some missing, written "_" below), to 16 significant digits.
 */
class PrometheusReferenceValuesTest {
  /** Marks a missing sample; NaN is never a real value in these two series. */
  private static final double GAP = Double.NaN;
  /** {@code 3 _ 7 9 _ _ 2 5 11 _ 13 1e10 4}: resets, gaps and a huge jump. */
  private static final Samples COUNTER = every15s(3, GAP, 7, 9, GAP, GAP, 2, 5, 11, GAP, 13, 1e10, 4);
  /** {@code 0.3 -1.7 2.9 1e-3 _ 8 -4.5 3.3333 2 2 _ 7.1 0.1}. */
  private static final Samples GAUGE = every15s(0.3, -1.7, 2.9, 1e-3, GAP, 8, -4.5, 3.3333, 2, 2, GAP, 7.1, 0.1);


  private static Samples every15s(double... values) {
    long[] t = new long[values.length];
    double[] v = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        t[n] = seconds(15) * i;
        v[n++] = values[i];
      }
    }
    return Samples.at(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
  }

  private static void assertClose(Double actual, double expected) {
    assertThat(actual).isCloseTo(expected, withinPercentage(1e-12));
  }

  @Test
  void rate() {
    assertClose(COUNTER.eval("rate", minutes(3), minutes(2)), 8.333333336666666E+07);
  }

  @Test
  void increaseOverAnOddRange() {
    assertClose(COUNTER.eval("increase", seconds(170), seconds(95)), 1.0666666666533333E+10);
  }

  @Test
  void irate() {
    assertClose(COUNTER.eval("irate", minutes(2), minutes(1)), 0.4);
  }

  @Test
  void delta() {
    assertClose(GAUGE.eval("delta", seconds(130), minutes(2)), 4.228571428571429);
  }

  @Test
  void deriv() {
    assertClose(GAUGE.eval("deriv", minutes(3), minutes(3)), 1.653175478065241E-02);
  }

  @Test
  void predictLinear() {
    assertClose(GAUGE.eval("predict_linear", seconds(187), minutes(3), 123.4), 5.443517219721329);
  }

  @Test
  void holtWinters() {
    assertClose(GAUGE.eval("holt_winters", minutes(3), minutes(3), 0.3, 0.7), 3.967083592233715);
  }

  @Test
  void stddevOverTime() {
    assertClose(GAUGE.eval("stddev_over_time", minutes(3), minutes(3)), 3.4441121303052404);
  }

  @Test
  void avgOverTime() {
    assertClose(GAUGE.eval("avg_over_time", minutes(3), minutes(3)), 1.7758454545454545);
  }

  @Test
  void quantileOverTime() {
    assertClose(GAUGE.eval("quantile_over_time", minutes(3), minutes(3), 0.37), 2.4000000000000005E-01);
  }
}
