package dev.vigil.promql.functions;

import static dev.vigil.promql.functions.Samples.minutes;
import static dev.vigil.promql.functions.Samples.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class OverTimeTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double BIG = 9.988465674311579e+307;

  private static Double overMinute(String function, double... values) {
    return Samples.every(seconds(10), values).eval(function, minutes(1), minutes(1));
  }

  private static Double quantileOverMinute(double q, double... values) {
    return Samples.every(seconds(10), values).eval("quantile_over_time", minutes(1), minutes(1), q);
  }

  @Test
  void avgIsTheMean() {
    assertThat(overMinute("avg_over_time", 1, 2, 3, 4, 5)).isEqualTo(3);
  }

  @Test
  void avgOfValuesWhoseSumOverflowsStaysFinite() {
    assertThat(overMinute("avg_over_time", BIG, BIG)).isEqualTo(BIG);
  }

  @Test
  void avgOfLargeOppositeValuesIsZero() {
    assertThat(overMinute("avg_over_time", -BIG, BIG)).isEqualTo(0);
  }

  @Test
  void avgStaysInfiniteWhenFiniteValuesFollowAnInfinity() {
    assertThat(overMinute("avg_over_time", INF, 0, INF)).isEqualTo(INF);
  }

  @Test
  void avgOfOppositeInfinitiesIsNaN() {
    assertThat(overMinute("avg_over_time", 1, 2, 3, INF, -INF)).isNaN();
  }

  @Test
  void avgOfNegativeInfinitiesIsNegativeInfinity() {
    assertThat(overMinute("avg_over_time", 1, 2, 3, -INF, -INF)).isEqualTo(-INF);
  }

  @Test
  void sumOverflowsToInfinity() {
    assertThat(overMinute("sum_over_time", BIG, BIG)).isEqualTo(INF);
  }

  @Test
  void sumCompensatesRoundingErrors() {
    assertThat(overMinute("sum_over_time", 1e100, 1.0, -1e100)).isEqualTo(1.0);
  }

  @Test
  void countIsTheNumberOfSamples() {
    assertThat(overMinute("count_over_time", NAN, 1, 2)).isEqualTo(3);
  }

  @Test
  void minSkipsNaNs() {
    assertThat(overMinute("min_over_time", 2, NAN, 1)).isEqualTo(1);
  }

  @Test
  void minOfALeadingNaNIsTheFollowingValue() {
    assertThat(overMinute("min_over_time", NAN, 0, 1)).isEqualTo(0);
  }

  @Test
  void maxIgnoresATrailingNaN() {
    assertThat(overMinute("max_over_time", 2, 0, NAN)).isEqualTo(2);
  }

  @Test
  void maxOfOnlyNaNsIsNaN() {
    assertThat(overMinute("max_over_time", NAN, NAN, NAN)).isNaN();
  }

  @Test
  void lastIsTheLatestValueEvenNaN() {
    assertThat(overMinute("last_over_time", 2, 0, NAN)).isNaN();
  }

  @Test
  void presentIsOneForAnySample() {
    assertThat(overMinute("present_over_time", NAN)).isEqualTo(1);
  }

  @Test
  void stdvarIsThePopulationVariance() {
    assertThat(overMinute("stdvar_over_time", 0, 8, 8, 2, 3)).isCloseTo(10.56, withinPercentage(1e-10));
  }

  @Test
  void stddevIsTheRootOfThePopulationVariance() {
    assertThat(overMinute("stddev_over_time", 0, 8, 8, 2, 3)).isCloseTo(Math.sqrt(10.56), withinPercentage(1e-10));
  }

  @Test
  void stddevOfRepeatedValuesIsExactlyZero() {
    double v = 1.5990505637277868;

    assertThat(overMinute("stddev_over_time", v, v, v)).isEqualTo(0);
  }

  @Test
  void quantileInterpolatesBetweenRanks() {
    assertThat(quantileOverMinute(0.75, 0, 1, 4)).isEqualTo(2.5);
  }

  @Test
  void quantileOfTwoSamplesIsLinear() {
    assertThat(quantileOverMinute(0.8, 0, 1)).isEqualTo(0.8);
  }

  @Test
  void quantileBelowZeroIsNegativeInfinity() {
    assertThat(quantileOverMinute(-1, 0, 1, 2)).isEqualTo(-INF);
  }

  @Test
  void quantileAboveOneIsPositiveInfinity() {
    assertThat(quantileOverMinute(2, 0, 1, 2)).isEqualTo(INF);
  }

  @Test
  void quantileLeavesTheWindowInTimeOrder() {
    double[] values = {3, 1, 2};
    long[] times = {0, seconds(10), seconds(20)};

    Samples.at(times, values).eval("quantile_over_time", seconds(20), seconds(20), 0.5);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void changesCountsEveryDifferentValue() {
    assertThat(overMinute("changes", 1, 2, 3, 0, 1, 0)).isEqualTo(5);
  }

  @Test
  void changesCountsNaNToNumberAndBack() {
    assertThat(overMinute("changes", 0, NAN, 0)).isEqualTo(2);
  }

  @Test
  void changesSeesNoChangeBetweenNaNs() {
    assertThat(overMinute("changes", NAN, NAN, NAN)).isEqualTo(0);
  }

  @Test
  void resetsCountsDrops() {
    assertThat(overMinute("resets", 1, 2, 3, 0, 1, 0, 1)).isEqualTo(2);
  }

  @Test
  void aSingleSampleHasNoChangesAndNoResets() {
    assertThat(overMinute("changes", 5)).isEqualTo(0);
  }
}
