package dev.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiDurationTest {
  @ParameterizedTest(name = "{0} is {1} ns")
  @CsvSource({
      "15, 15000000000",
      "0.5, 500000000",
      "1e-3, 1000000",
      "0, 0",
      "-1, -1000000000",
      "1m, 60000000000",
      "1h30m, 5400000000000",
      "100ms, 100000000",
      "1d, 86400000000000",
  })
  void readsSecondsAndPrometheusDurations(String text, long nanos) {
    assertThat(ApiDuration.parseNanos(text)).isEqualTo(nanos);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"", "x", "1.5m", "30m1h", "-1m", "1 m"})
  void refusesWithPrometheusWording(String text) {
    assertThatThrownBy(() -> ApiDuration.parseNanos(text))
        .hasMessage("cannot parse \"" + text + "\" to a valid duration");
  }

  @Test
  void floatSecondsBeyondInt64NanosOverflow() {
    assertThatThrownBy(() -> ApiDuration.parseNanos("1e10"))
        .hasMessage("cannot parse \"1e10\" to a valid duration. It overflows int64");
  }

  @Test
  void millisecondsAreCutTowardsZero() {
    assertThat(ApiDuration.toMillis(1_999_999)).isEqualTo(1);
  }
}
