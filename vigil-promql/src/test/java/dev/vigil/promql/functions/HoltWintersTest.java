package dev.vigil.promql.functions;

import static dev.vigil.promql.functions.Samples.concat;
import static dev.vigil.promql.functions.Samples.minutes;
import static dev.vigil.promql.functions.Samples.ramp;
import static dev.vigil.promql.functions.Samples.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.PromqlException;
import org.junit.jupiter.api.Test;

class HoltWintersTest {
  private static final Samples RISING = Samples.every(seconds(10), concat(ramp(0, 10, 1000), ramp(100, 30, 1000)));

  @Test
  void followsALinearTrend() {
    assertThat(RISING.eval("holt_winters", seconds(8000), minutes(1), 0.01, 0.1))
        .isCloseTo(8000, withinPercentage(1e-7));
  }

  @Test
  void followsAFallingTrend() {
    Samples falling = Samples.every(seconds(10), ramp(0, -20, 1000));

    assertThat(falling.eval("holt_winters", seconds(8000), minutes(1), 0.01, 0.1))
        .isCloseTo(-16000, withinPercentage(1e-7));
  }

  @Test
  void smoothsTowardsTheLatestValues() {
    Samples values = Samples.every(seconds(1), 1, 2, 4);

    // s=1, b=1; step 1: s = 0.5*2 + 0.5*(1+1) = 2; step 2: b = 0.5*(2-1) + 0.5*1 = 1, s = 0.5*4 + 0.5*(2+1) = 3.5
    assertThat(values.eval("holt_winters", seconds(2), seconds(2), 0.5, 0.5)).isEqualTo(3.5);
  }

  @Test
  void rejectsASmoothingFactorOfOneWithPrometheusText() {
    assertThatThrownBy(() -> RISING.eval("holt_winters", seconds(8000), minutes(1), 1, 0.5))
        .isInstanceOfSatisfying(PromqlException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.EXECUTION))
        .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000");
  }

  @Test
  void rejectsATrendFactorRoundingItWithSixDecimals() {
    assertThatThrownBy(() -> RISING.eval("holt_winters", seconds(8000), minutes(1), 0.5, 1.0000005))
        .hasMessage("invalid trend factor. Expected: 0 < tf < 1, got: 1.000001");
  }

  @Test
  void checksTheSmoothingFactorBeforeTheTrendFactor() {
    assertThatThrownBy(() -> RangeFunctions.byName("holt_winters").checkParams(new double[] {2, 2}))
        .hasMessageContaining("invalid smoothing factor");
  }

  @Test
  void printsNegativeZeroWithItsSign() {
    assertThatThrownBy(() -> RangeFunctions.byName("holt_winters").checkParams(new double[] {-0.0, 0.5}))
        .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: -0.000000");
  }

  @Test
  void printsInfinityAsGoDoes() {
    assertThatThrownBy(() -> RangeFunctions.byName("holt_winters").checkParams(new double[] {Double.NEGATIVE_INFINITY, 0.5}))
        .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: -Inf");
  }

  @Test
  void printsLargeFactorsWithoutAnExponent() {
    assertThatThrownBy(() -> RangeFunctions.byName("holt_winters").checkParams(new double[] {1e20, 0.5}))
        .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 100000000000000000000.000000");
  }

  @Test
  void aNaNFactorIsNotRejectedAndGivesNaN() {
    assertThat(RISING.eval("holt_winters", seconds(8000), minutes(1), Double.NaN, 0.5)).isNaN();
  }
}
