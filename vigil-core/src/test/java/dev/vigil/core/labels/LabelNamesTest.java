package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelNamesTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"a", "_", "job", "__name__", "A9_b", "_0"})
  void isValidLabelName_validNames_areAccepted(String name) {
    assertThat(LabelNames.isValidLabelName(name)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "0a", "9", "a-b", "a:b", "a b", "caf\u00e9", "a.b", "\uD83D\uDE00"})
  void isValidLabelName_invalidNames_areRejected(String name) {
    assertThat(LabelNames.isValidLabelName(name)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"up", ":", "a:b", "job:rate5m:sum", "_x", "A1"})
  void isValidMetricName_validNames_areAccepted(String name) {
    assertThat(LabelNames.isValidMetricName(name)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "1up", "up-time", "up time", "up.time", "\u00e9"})
  void isValidMetricName_invalidNames_areRejected(String name) {
    assertThat(LabelNames.isValidMetricName(name)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "any thing", "\n", "caf\u00e9", "\uD83D\uDE00", "\u0000"})
  void isValidLabelValue_validUtf16_isAccepted(String value) {
    assertThat(LabelNames.isValidLabelValue(value)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\uD83D", "a\uDE00", "\uDE00\uD83D", "x\uD83Dy"})
  void isValidLabelValue_unpairedSurrogate_isRejected(String value) {
    assertThat(LabelNames.isValidLabelValue(value)).isFalse();
  }

  @Test
  void validate_validSet_passes() {
    assertThatCode(() -> LabelNames.validate(Labels.of("__name__", "job:up:sum", "job", "a\nb")))
        .doesNotThrowAnyException();
  }

  @Test
  void validate_invalidMetricName_throwsNamingIt() {
    assertThatThrownBy(() -> LabelNames.validate(Labels.of("__name__", "up-time")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"up-time\"");
  }

  @Test
  void validate_invalidLabelName_throwsNamingIt() {
    assertThatThrownBy(() -> LabelNames.validate(Labels.of("__name__", "up", "bad-name", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"bad-name\"");
  }

  @Test
  void validate_colonInLabelName_throws() {
    assertThatThrownBy(() -> LabelNames.validate(Labels.of("a:b", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validate_invalidValue_throwsNamingLabel() {
    assertThatThrownBy(() -> LabelNames.validate(Labels.of("job", "\uD83D")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job");
  }
}
