package dev.vigil.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.OpenMetricsGenerator;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusServerTest {
  private static void require(String name, boolean available) {
    try {
      Peers.require(name, available);
    } catch (PeerMissingException e) {
      Assumptions.abort(e.getMessage());
    }
  }

  @Test
  void servesBlocksPutInItsDataDir_andStopsOnClose(@TempDir Path dir) throws IOException, InterruptedException {
    require(Promtool.NAME, Promtool.isAvailable());
    require(PrometheusServer.NAME, PrometheusServer.isAvailable());
    Path input = dir.resolve("input.om");
    OpenMetricsGenerator.Result result = OpenMetricsGenerator.builder().seed(7).series(20)
        .duration(Duration.ofHours(3)).build().writeTo(input);
    Path data = dir.resolve("data");
    Promtool.Result created = Promtool.get().run(Duration.ofSeconds(60), "tsdb", "create-blocks-from",
        "openmetrics", "-q", input.toString(), data.toString());
    assertThat(created.ok()).as(created.describe()).isTrue();

    PrometheusServer server;
    try (PrometheusServer s = PrometheusServer.start(data, dir.resolve("work"))) {
      server = s;
      String query = "count(last_over_time({__name__=~\".+\"}[4h]))";
      String url = s.baseUrl() + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
          + "&time=" + (result.maxTimeMs() / 1000 + 1);
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(java.net.URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"" + result.series() + "\"");
      assertThat(s.baseUrl().getHost()).isEqualTo("127.0.0.1");
    }
    assertThat(server.isAlive()).isFalse();
  }

  @Test
  void peersRequire_passesWhenAvailable() {
    Peers.require("anything", true);
  }
}
