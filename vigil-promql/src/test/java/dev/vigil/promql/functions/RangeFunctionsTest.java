package dev.vigil.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeFunctionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"rate", "increase", "delta", "irate", "idelta", "deriv", "predict_linear", "holt_winters"})
  void slopesAndTrendsNeedTwoSamples(String name) {
    assertThat(RangeFunctions.byName(name).minSamples()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"changes", "resets", "avg_over_time", "sum_over_time", "count_over_time", "min_over_time",
      "max_over_time", "last_over_time", "present_over_time", "quantile_over_time", "stddev_over_time",
      "stdvar_over_time"})
  void aggregationsOverTimeNeedOneSample(String name) {
    assertThat(RangeFunctions.byName(name).minSamples()).isEqualTo(1);
  }

  @Test
  void instantVectorFunctionsAreNotRangeFunctions() {
    assertThat(RangeFunctions.byName("abs")).isNull();
  }

  @Test
  void absentOverTimeIsLeftToTheEngine() {
    assertThat(RangeFunctions.byName("absent_over_time")).isNull();
  }
}
