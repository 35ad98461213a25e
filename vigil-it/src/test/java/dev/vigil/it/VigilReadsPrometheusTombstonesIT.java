package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.testkit.peer.Promtool;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Prometheus deletes series from blocks Vigil wrote (it writes tombstones into them), and Vigil's
 * reader then hides exactly what promtool's reader hides.
 */
class VigilReadsPrometheusTombstonesIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(VigilReadsPrometheusTombstonesIT.class);

  @TempDir Path dir;

  @Test
  void dumpAfterPrometheusDeletesSeries_equalsPromtoolsDump() throws Exception {
    Promtool promtool = ItPeers.promtool();
    ItPeers.prometheus();
    Path input = dir.resolve("input.om");
    var generated = Interop.generate(SEEDS.seed(), input);
    Path data = dir.resolve("data");
    Interop.createBlocksWithVigil(SEEDS.seed(), input, data);
    Path before = dir.resolve("before.txt");
    assertThat(VigilCli.runToFile(before, "tools", "tsdb", "dump", data.toString()).ok()).isTrue();

    // Delete one metric everywhere, and every series of one instance over an hour that straddles a block edge.
    String metric = generated.sampleNames().get(1);
    long middle = generated.minTimeMs() + (generated.maxTimeMs() - generated.minTimeMs()) / 2;
    try (PrometheusServer prometheus = PrometheusServer.start(data, dir.resolve("work"), Duration.ofSeconds(60),
        List.of("--web.enable-admin-api"))) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      deleteSeries(http, prometheus.baseUrl(), "{__name__=\"" + metric + "\"}", null, null);
      deleteSeries(http, prometheus.baseUrl(), "{instance=~\".+:9101\"}", Interop.seconds(middle - 1_800_000),
          Interop.seconds(middle + 1_800_000));
    }

    Path vigilDump = dir.resolve("vigil.txt");
    Path promtoolDump = dir.resolve("promtool.txt");
    VigilCli.Result vigil = VigilCli.runToFile(vigilDump, "tools", "tsdb", "dump", data.toString());
    assertThat(vigil.ok()).as(vigil.describe()).isTrue();
    Promtool.Result p = promtool.dump(Interop.TIMEOUT, data, promtoolDump);
    assertThat(p.ok()).as(p.describe()).isTrue();

    assertThat(Files.size(vigilDump)).as("samples were deleted").isLessThan(Files.size(before));
    assertThat(lineCount(vigilDump)).isEqualTo(lineCount(promtoolDump));
    assertThat(Files.mismatch(vigilDump, promtoolDump)).as("first differing byte of the dumps").isEqualTo(-1L);
    try (var lines = Files.lines(vigilDump)) {
      assertThat(lines.noneMatch(l -> l.startsWith("{__name__=\"" + metric + "\""))).isTrue();
    }
  }

  private static long lineCount(Path f) throws IOException {
    try (var lines = Files.lines(f)) {
      return lines.count();
    }
  }

  private static void deleteSeries(HttpClient http, URI base, String selector, String start, String end)
      throws IOException, InterruptedException {
    StringBuilder q = new StringBuilder("match[]=").append(URLEncoder.encode(selector, StandardCharsets.UTF_8));
    if (start != null) {
      q.append("&start=").append(start).append("&end=").append(end);
    }
    HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/admin/tsdb/delete_series?" + q))
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as("delete_series %s: %s", selector, resp.body()).isEqualTo(204);
  }
}
