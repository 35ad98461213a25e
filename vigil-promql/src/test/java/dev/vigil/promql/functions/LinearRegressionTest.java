package dev.vigil.promql.functions;

import static dev.vigil.promql.functions.Samples.concat;
import static dev.vigil.promql.functions.Samples.minutes;
import static dev.vigil.promql.functions.Samples.ramp;
import static dev.vigil.promql.functions.Samples.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class LinearRegressionTest {
  /** Two ramps of 10 per 5 minutes, the second starting again from 0 after 20 minutes. */
  private static final Samples SAWTOOTH = Samples.every(minutes(5), concat(ramp(0, 10, 4), ramp(0, 10, 5)));

  @Test
  void derivOfAStraightLineIsItsSlopePerSecond() {
    Samples line = Samples.every(minutes(5), ramp(0, 80, 10));

    assertThat(line.eval("deriv", minutes(50), minutes(50))).isEqualTo(0.26666666666666666);
  }

  @Test
  void derivIsTheLeastSquaresSlope() {
    assertThat(SAWTOOTH.eval("deriv", minutes(50), minutes(100))).isEqualTo(0.010606060606060607);
  }

  @Test
  void predictLinearExtendsTheFitFromTheEvaluationTime() {
    assertThat(SAWTOOTH.eval("predict_linear", minutes(50), minutes(100), 3600))
        .isCloseTo(76.81818181818181, withinPercentage(1e-10));
  }

  @Test
  void predictLinearPredictsFromTheEvaluationTimeNotTheWindowEnd() {
    // As with "@ 3000" evaluated at 10m: the window ends at 50m, the prediction starts at 10m.
    assertThat(SAWTOOTH.evalWindow("predict_linear", minutes(10), seconds(3000), minutes(100), 3600))
        .isCloseTo(51.36363636363637, withinPercentage(1e-10));
  }

  @Test
  void aConstantSeriesHasSlopeZero() {
    Samples flat = Samples.every(minutes(1), 3, 3, 3);

    assertThat(flat.eval("deriv", minutes(2), minutes(2))).isEqualTo(0);
  }

  @Test
  void aConstantSeriesPredictsItsValue() {
    Samples flat = Samples.every(minutes(1), 3, 3, 3);

    assertThat(flat.eval("predict_linear", minutes(2), minutes(2), 600)).isEqualTo(3);
  }

  @Test
  void aConstantInfiniteSeriesHasNoSlope() {
    double inf = Double.POSITIVE_INFINITY;
    Samples flat = Samples.every(minutes(1), inf, inf);

    assertThat(flat.eval("deriv", minutes(1), minutes(1))).isNaN();
  }
}
