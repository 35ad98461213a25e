package dev.vigil.scrape.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpositionFormatTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "application/openmetrics-text",
    "application/openmetrics-text; version=1.0.0; charset=utf-8",
    "Application/OpenMetrics-Text;version=0.0.1",
    "  application/openmetrics-text  ",
    "application/openmetrics-text; charset=\"utf-8\"",
    "application/openmetrics-text; version=1.0.0;",
  })
  void choosesOpenMetricsForTheOpenMetricsMediaType(String contentType) {
    assertThat(ExpositionFormat.forContentType(contentType)).isEqualTo(ExpositionFormat.OPENMETRICS);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
    "text/plain; version=0.0.4; charset=utf-8",
    "text/plain",
    "application/json",
    "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
    "nonsense",
  })
  void choosesTheTextFormatForAnythingElse(String contentType) {
    assertThat(ExpositionFormat.forContentType(contentType)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "application/openmetrics-text; version",
    "application/openmetrics-text; version=1; version=2",
    "application/openmetrics-text; charset=\"utf-8",
    "application/openmetrics-text extra",
    "application/openmetrics-text/x",
  })
  void fallsBackToTheTextFormatForAMalformedOpenMetricsTypeAs242Does(String contentType) {
    assertThat(ExpositionFormat.forContentType(contentType)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/openmetrics-text"})
  void givesAParserOfTheChosenFormat(String contentType) {
    ExpositionParser parser = ExpositionFormat.forContentType(contentType).parser(new byte[0]);
    assertThat(parser).isInstanceOf(contentType.startsWith("text")
        ? PrometheusTextParser.class : OpenMetricsParser.class);
  }
}
