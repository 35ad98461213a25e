package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelStringsTest {
  @Test
  void equalShortStringsShareOneInstance() {
    String a = new String("node_cpu_seconds_total");
    String b = new String("node_cpu_seconds_total");
    assertThat(LabelStrings.intern(a)).isSameAs(LabelStrings.intern(b));
  }

  @Test
  void longStringsAreLeftAlone() {
    String longValue = "x".repeat(LabelStrings.MAX_LENGTH + 1);
    String copy = new String(longValue);
    assertThat(LabelStrings.intern(copy)).isSameAs(copy);
  }

  @Test
  void aFullTableStartsAfreshAndStillAnswersWithEqualStrings() {
    for (int i = 0; i <= LabelStrings.MAX_ENTRIES + 10; i++) {
      assertThat(LabelStrings.intern("v" + i)).isEqualTo("v" + i);
    }
    String fresh = new String("after-reset");
    assertThat(LabelStrings.intern(fresh)).isSameAs(fresh);
  }
}
