package dev.vigil.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTimeTest {
  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({
      "1435781451, 1435781451000",
      "1435781451.781, 1435781451781",
      "1435781451.7815, 1435781451782",
      "1435781451.0004, 1435781451000",
      "-1.5, -1500",
      "-0.0005, -1",
      "0, 0",
      "1e3, 1000000",
      "2015-07-01T20:10:51.781Z, 1435781451781",
      "2015-07-01T20:10:51Z, 1435781451000",
      "2015-07-01T20:10:51.7819999Z, 1435781451781",
      "2015-07-01T22:10:51.781+02:00, 1435781451781",
      "'2015-07-01T20:10:51,5Z', 1435781451500",
      "-292273086-05-16T16:47:06Z, -9223309901257974000",
      "292277025-08-18T07:12:54.999999999Z, 9223309901257974999",
  })
  void readsUnixSecondsAndRfc3339(String text, long millis) {
    assertThat(ApiTime.parse(text)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"", "abc", "2015-07-01", "2015-02-30T00:00:00Z", "2015-07-01T24:00:00Z",
      "2015-07-01t20:10:51Z", "2015-07-01T20:10:51", "NaN", "1e300", "0x10p0"})
  void refusesWithPrometheusWording(String text) {
    assertThatThrownBy(() -> ApiTime.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot parse \"" + text + "\" to a valid timestamp");
  }
}
