package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import org.junit.jupiter.api.Test;

class LabelLimitsTest {
  private static final Labels SERIES = Labels.of("__name__", "http_requests_total", "path", "/api/v1/query", "code", "200");

  @Test
  void noLimitsAcceptAnything() {
    assertThat(new LabelLimits(0, 0, 0).violation(SERIES)).isEmpty();
  }

  @Test
  void tooManyLabelsAreRefusedWithTheCount() {
    assertThat(new LabelLimits(2, 0, 0).violation(SERIES))
        .hasValue("label_limit exceeded (metric: http_requests_total, number of labels: 3, limit: 2)");
  }

  @Test
  void aTooLongNameIsRefusedWithItsLength() {
    assertThat(new LabelLimits(0, 4, 0).violation(SERIES))
        .hasValue("label_name_length_limit exceeded (metric: http_requests_total, label name: __name__, length: 8, limit: 4)");
  }

  @Test
  void aTooLongValueIsRefusedQuotedWithItsLength() {
    assertThat(new LabelLimits(0, 0, 10).violation(SERIES)).hasValue("label_value_length_limit exceeded "
        + "(metric: http_requests_total, label name: __name__, value: \"http_requests_total\", length: 19, limit: 10)");
  }

  @Test
  void valueLengthsCountUtf8Bytes() {
    assertThat(new LabelLimits(0, 0, 3).violation(Labels.of("__name__", "a", "x", "éé")))
        .hasValue("label_value_length_limit exceeded (metric: a, label name: x, value: \"éé\", length: 4, limit: 3)");
  }

  @Test
  void messagesShowAtMostFiftyCharactersOfANameOrValue() {
    String longName = "m".repeat(60);
    assertThat(new LabelLimits(1, 0, 0).violation(Labels.of("__name__", longName, "a", "b")))
        .hasValue("label_limit exceeded (metric: " + "m".repeat(50) + ", number of labels: 2, limit: 1)");
  }
}
