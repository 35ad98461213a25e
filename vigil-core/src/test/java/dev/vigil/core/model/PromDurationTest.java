package dev.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromDurationTest {
  @Test
  void parsesEveryUnitInOrder() {
    assertThat(PromDuration.parseMillis("1y2w3d4h5m6s7ms"))
        .isEqualTo(365L * 86_400_000 + 14L * 86_400_000 + 3L * 86_400_000 + 4 * 3_600_000 + 5 * 60_000 + 6_000 + 7);
  }

  @Test
  void tellsMillisecondsFromMinutes() {
    assertThat(PromDuration.parseMillis("5ms")).isEqualTo(5);
    assertThat(PromDuration.parseMillis("5m")).isEqualTo(300_000);
    assertThat(PromDuration.parseMillis("1m5ms")).isEqualTo(60_005);
  }

  @Test
  void acceptsBareZeroOnly() {
    assertThat(PromDuration.parseMillis("0")).isZero();
    assertThatThrownBy(() -> PromDuration.parseMillis("5")).hasMessage("not a valid duration string: \"5\"");
  }

  @Test
  void rejectsUnitsOutOfOrderRepeatedOrUnknown() {
    for (String bad : new String[] {"5m1h", "1m1m", "1.5h", "-5m", "5M", "1h ", "h"}) {
      assertThatThrownBy(() -> PromDuration.parseMillis(bad))
          .as(bad)
          .hasMessage("not a valid duration string: \"" + bad + "\"");
    }
  }

  @Test
  void rejectsEmptyText() {
    assertThatThrownBy(() -> PromDuration.parseMillis("")).hasMessage("empty duration string");
  }

  @Test
  void rejectsDurationsBeyondGoRange() {
    assertThatThrownBy(() -> PromDuration.parseMillis("300y")).hasMessage("duration out of range");
    assertThatThrownBy(() -> PromDuration.parseMillis("99999999999999999999999s"))
        .hasMessage("duration out of range");
    assertThat(PromDuration.parseMillis("292y")).isPositive();
  }

  @Test
  void formatsLikePrometheus() {
    assertThat(PromDuration.format(0)).isEqualTo("0s");
    assertThat(PromDuration.format(300_000)).isEqualTo("5m");
    assertThat(PromDuration.format(5_400_000)).isEqualTo("1h30m");
    assertThat(PromDuration.format(90L * 86_400_000)).isEqualTo("90d");
    assertThat(PromDuration.format(14L * 86_400_000)).isEqualTo("2w");
    assertThat(PromDuration.format(365L * 86_400_000)).isEqualTo("1y");
    assertThat(PromDuration.format(61_001)).isEqualTo("1m1s1ms");
    assertThat(PromDuration.format(-5)).isEmpty();
  }
}
