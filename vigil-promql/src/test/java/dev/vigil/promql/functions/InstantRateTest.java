package dev.vigil.promql.functions;

import static dev.vigil.promql.functions.Samples.concat;
import static dev.vigil.promql.functions.Samples.minutes;
import static dev.vigil.promql.functions.Samples.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstantRateTest {
  @Test
  void irateIsTheLastTwoSamplesChangePerSecond() {
    Samples counter = Samples.every(minutes(5), ramp(0, 10, 10));

    assertThat(counter.eval("irate", minutes(50), minutes(50))).isEqualTo(0.03333333333333333);
  }

  @Test
  void irateAfterAResetCountsTheLastValueFromZero() {
    Samples counter = Samples.every(minutes(5), concat(ramp(0, 10, 5), ramp(0, 10, 5)));

    assertThat(counter.eval("irate", minutes(30), minutes(50))).isEqualTo(0);
  }

  @Test
  void ideltaIsTheLastTwoSamplesDifferenceEvenWhenNegative() {
    Samples gauge = Samples.every(minutes(5), 0, 50, 100, 50);

    assertThat(gauge.eval("idelta", minutes(20), minutes(20))).isEqualTo(-50);
  }

  @Test
  void ideltaIgnoresEarlierSamples() {
    Samples gauge = Samples.every(minutes(5), 0, 50, 100, 150);

    assertThat(gauge.eval("idelta", minutes(20), minutes(20))).isEqualTo(50);
  }

  @Test
  void irateNeedsTwoSamples() {
    assertThat(RangeFunctions.byName("irate").minSamples()).isEqualTo(2);
  }
}
