package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, readiness, build info, flags and the server's own metrics. */
class ServerEndpointsTest {
  @RegisterExtension static final ApiServerFixture SERVER = new ApiServerFixture();

  @Test
  void healthAndReadinessAnswerInPrometheusShapeWithVigilsName() {
    assertThat(SERVER.http().get("/-/healthy").body()).isEqualTo("Vigil Server is Healthy.\n");
    assertThat(SERVER.http().get("/-/ready").body()).isEqualTo("Vigil Server is Ready.\n");
    assertThat(SERVER.http().method("HEAD", "/-/ready").status()).isEqualTo(200);
  }

  @Test
  void buildInfoHasPrometheusMembers() {
    assertThat(SERVER.http().get("/api/v1/status/buildinfo").body())
        .startsWith("{\"status\":\"success\",\"data\":{\"version\":")
        .contains("\"revision\":", "\"branch\":", "\"buildUser\":", "\"buildDate\":", "\"goVersion\":\"java");
  }

  @Test
  void flagsAreAnObject() {
    assertThat(SERVER.http().get("/api/v1/status/flags").body()).isEqualTo("{\"status\":\"success\",\"data\":{}}");
  }

  @Test
  void metricsCountRequestsPerRouteAndQueries() {
    SERVER.http().get("/api/v1/query?query=1&time=1");
    SERVER.http().get("/api/v1/label/job/values");
    Http.Answer metrics = SERVER.http().get("/metrics");
    assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("vigil_http_requests_total{code=\"200\",handler=\"/api/v1/query\"}")
        .contains("vigil_http_requests_total{code=\"200\",handler=\"/api/v1/label/:name/values\"}")
        .contains("vigil_http_request_duration_seconds_count{handler=\"/api/v1/query\"}")
        .contains("vigil_engine_queries_total{kind=\"instant\",outcome=\"success\"}");
  }
}
