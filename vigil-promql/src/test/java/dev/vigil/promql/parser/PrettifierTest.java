package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prettifying splits every node whose one-line form is longer than 100 bytes over several lines,
 * indenting two spaces per level, as Prometheus 2.42's {@code /api/v1/format_query} does; the expected
 * texts were read from a real Prometheus.
 */
class PrettifierTest {

  @Test
  void leavesAShortQueryOnOneLine() {
    String query = "sum by (job) (rate(http_requests_total{job=\"api\"}[5m]))";

    assertThat(Prettifier.prettify(PromqlParser.parseExpr(query))).isEqualTo(query);
  }

  @Test
  void measuresLinesInBytes() {
    String label = "\u00e9".repeat(45);
    String query = "foo{a=\"" + label + "\"} + bar";

    assertThat(Prettifier.prettify(PromqlParser.parseExpr(query)))
        .isEqualTo("  foo{a=\"" + label + "\"}\n+\n  bar");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("longQueries")
  void splitsNodesLongerThanALine(String query, String prettified) {
    assertThat(Prettifier.prettify(PromqlParser.parseExpr(query))).isEqualTo(prettified);
  }

  static Stream<Arguments> longQueries() {
    return Stream.of(
      Arguments.of("sum by (job, instance) (rate(http_requests_total{job=\"api-server\", code=~\"5..\", instance!=\"localhost:9090\"}[5m]))", "sum by (job, instance) (\n  rate(http_requests_total{code=~\"5..\",instance!=\"localhost:9090\",job=\"api-server\"}[5m])\n)"),
      Arguments.of("rate(http_requests_total{job=\"api-server\", code=~\"5..\", instance!=\"localhost:9090\", handler=\"/api/v1/query\"}[5m])", "rate(\n  http_requests_total{code=~\"5..\",handler=\"/api/v1/query\",instance!=\"localhost:9090\",job=\"api-server\"}[5m]\n)"),
      Arguments.of("sum(rate(http_requests_total{code=~\"5..\"}[5m])) by (job) / on (job) group_left (team) sum(rate(http_requests_total[5m])) by (job) * 100 > bool 5", "      sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n    / on (job) group_left (team)\n      sum by (job) (rate(http_requests_total[5m]))\n  *\n    100\n> bool\n  5"),
      Arguments.of("topk(10, sum by (job) (rate(node_cpu_seconds_total{mode!=\"idle\", instance=~\"node-exporter-.*\"}[5m])) / 1e6)", "topk(\n  10,\n  sum by (job) (rate(node_cpu_seconds_total{instance=~\"node-exporter-.*\",mode!=\"idle\"}[5m])) / 1e+06\n)"),
      Arguments.of("-(sum(rate(http_requests_total{job=\"api-server\", code=~\"5..\"}[5m])) + sum(rate(http_requests_total{job=\"api-server\"}[5m])))", "-(\n    sum(rate(http_requests_total{code=~\"5..\",job=\"api-server\"}[5m]))\n  +\n    sum(rate(http_requests_total{job=\"api-server\"}[5m]))\n)"),
      Arguments.of("max_over_time(sum by (job) (rate(http_requests_total{job=\"api-server\", instance!=\"localhost:9090\"}[5m]))[1h:5m] offset 1d)", "max_over_time(\n  sum by (job) (rate(http_requests_total{instance!=\"localhost:9090\",job=\"api-server\"}[5m]))[1h:5m] offset 1d\n)"),
      Arguments.of("histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket{job=\"api-server\", handler=\"/api/v1/query\"}[5m])))", "histogram_quantile(\n  0.99,\n  sum by (le, job) (\n    rate(http_request_duration_seconds_bucket{handler=\"/api/v1/query\",job=\"api-server\"}[5m])\n  )\n)"),
      Arguments.of("(node_memory_MemTotal_bytes{instance=\"node-exporter:9100\"} - node_memory_MemAvailable_bytes{instance=\"node-exporter:9100\"}) / node_memory_MemTotal_bytes", "  (\n      node_memory_MemTotal_bytes{instance=\"node-exporter:9100\"}\n    -\n      node_memory_MemAvailable_bytes{instance=\"node-exporter:9100\"}\n  )\n/\n  node_memory_MemTotal_bytes")
    );
  }
}
