package dev.vigil.promql.functions;

import static dev.vigil.promql.functions.Samples.concat;
import static dev.vigil.promql.functions.Samples.minutes;
import static dev.vigil.promql.functions.Samples.ramp;
import static dev.vigil.promql.functions.Samples.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ExtrapolatedRateTest {
  private static final long FIVE_MINUTES = minutes(5);

  @Test
  void increaseOverAWindowExactlyCoveredBySamplesIsTheDifference() {
    Samples counter = Samples.every(FIVE_MINUTES, ramp(0, 10, 10));

    assertThat(counter.eval("increase", minutes(50), minutes(50))).isEqualTo(100);
  }

  @Test
  void increaseAddsBackTheValueBeforeEachCounterReset() {
    Samples counter = Samples.every(FIVE_MINUTES, 0, 1, 2, 3, 2, 3, 4);

    assertThat(counter.eval("increase", minutes(30), minutes(30))).isEqualTo(7);
  }

  @Test
  void increaseOverTwoRampsSeparatedByAResetCountsBoth() {
    Samples counter = Samples.every(FIVE_MINUTES, concat(ramp(0, 10, 5), ramp(0, 10, 5)));

    assertThat(counter.eval("increase", minutes(50), minutes(50))).isEqualTo(90);
  }

  @Test
  void aCounterIsNotExtrapolatedToBeforeItWasZero() {
    Samples counter = Samples.every(FIVE_MINUTES, ramp(0, 10, 10));

    assertThat(counter.eval("increase", minutes(50), minutes(100))).isEqualTo(100);
  }

  @Test
  void rateIsTheIncreasePerSecondOfTheRange() {
    Samples counter = Samples.every(FIVE_MINUTES, ramp(0, 80, 10));

    assertThat(counter.eval("rate", minutes(50), minutes(50))).isEqualTo(0.26666666666666666);
  }

  @Test
  void rateHandlesAResetInTheMiddleOfTheWindow() {
    Samples counter = Samples.every(FIVE_MINUTES, concat(ramp(0, 10, 4), ramp(0, 10, 5)));

    assertThat(counter.eval("rate", minutes(50), minutes(50))).isCloseTo(0.03, withinPercentage(1e-10));
  }

  @Test
  void aResetBetweenTheOnlyTwoSamplesGivesTheLastValueAsIncrease() {
    Samples counter = Samples.every(FIVE_MINUTES, concat(ramp(0, 10, 9), new double[] {0, 10}));

    assertThat(counter.eval("rate", minutes(50), minutes(5))).isEqualTo(0);
  }

  @Test
  void rateWithAnOffsetReadsTheEarlierWindow() {
    Samples counter = Samples.every(FIVE_MINUTES, ramp(0, 10, 10));

    assertThat(counter.evalWithOffset("rate", minutes(50), minutes(10), minutes(5)))
        .isEqualTo(0.03333333333333333);
  }

  @Test
  void theZeroPointCutsLeftExtrapolationShortWhenItIsCloserThanTheWindowStart() {
    Samples counter = Samples.every(minutes(4), ramp(60, 240, 10));

    assertThat(counter.eval("rate", minutes(10), minutes(20))).isCloseTo(0.55, withinPercentage(1e-10));
  }

  @Test
  void aZeroPointFartherThanTheThresholdFallsBackToHalfAnInterval() {
    Samples counter = Samples.every(minutes(4), ramp(300, 240, 10));

    assertThat(counter.eval("rate", minutes(10), minutes(20))).isCloseTo(0.6, withinPercentage(1e-10));
  }

  @Test
  void aSeriesStartingInsideTheWindowIsExtrapolatedByHalfAnIntervalAtTheStart() {
    Samples counter = Samples.at(
        new long[] {minutes(5), minutes(6), minutes(7), minutes(8), minutes(9), minutes(10)},
        ramp(100, 10, 5));

    assertThat(counter.eval("increase", minutes(10), minutes(10))).isCloseTo(55, withinPercentage(1e-10));
  }

  @Test
  void aSeriesEndingInsideTheWindowIsExtrapolatedByHalfAnIntervalAtTheEnd() {
    Samples counter = Samples.every(minutes(1), ramp(0, 10, 5));

    assertThat(counter.eval("increase", minutes(10), minutes(10))).isCloseTo(55, withinPercentage(1e-10));
  }

  @Test
  void aGapBelowOnePointOneAverageIntervalsIsExtrapolatedInFull() {
    Samples gauge = Samples.at(new long[] {seconds(65), seconds(125), seconds(185)}, new double[] {0, 10, 20});

    assertThat(gauge.eval("delta", seconds(185), seconds(185))).isCloseTo(20 * 185 / 120.0, withinPercentage(1e-10));
  }

  @Test
  void aGapAtOnePointOneAverageIntervalsOrMoreIsExtrapolatedByHalfAnInterval() {
    Samples gauge = Samples.at(new long[] {seconds(67), seconds(127), seconds(187)}, new double[] {0, 10, 20});

    assertThat(gauge.eval("delta", seconds(187), seconds(187))).isCloseTo(25, withinPercentage(1e-10));
  }

  @Test
  void deltaIsNotCutAtTheZeroPoint() {
    Samples gauge = Samples.at(new long[] {minutes(1), minutes(2), minutes(3)}, new double[] {5, 20, 35});

    assertThat(gauge.eval("delta", minutes(3), minutes(3))).isCloseTo(45, withinPercentage(1e-10));
  }

  @Test
  void increaseOfTheSameSamplesIsCutAtTheZeroPoint() {
    Samples counter = Samples.at(new long[] {minutes(1), minutes(2), minutes(3)}, new double[] {5, 20, 35});

    assertThat(counter.eval("increase", minutes(3), minutes(3))).isCloseTo(35, withinPercentage(1e-10));
  }

  @Test
  void deltaTreatsADropAsADecrease() {
    Samples gauge = Samples.every(FIVE_MINUTES, 200, 150, 100, 50, 0);

    assertThat(gauge.eval("delta", minutes(20), minutes(20))).isEqualTo(-200);
  }

  @Test
  void aSingleSampleHasNoRate() {
    Samples counter = Samples.every(FIVE_MINUTES, 1, 2);

    assertThat(counter.eval("rate", minutes(0), minutes(1))).isNull();
  }
}
