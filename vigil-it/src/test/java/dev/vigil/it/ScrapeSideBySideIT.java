package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.labels.Labels;
import dev.vigil.testkit.peer.NodeExporter;
import dev.vigil.testkit.target.PhasedOpenMetricsTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Prometheus 2.42 and vigil server, started with the same prometheus.yml, scrape the same real
 * node exporter and an OpenMetrics target (counters, gauge, histogram, summary, info, escaped labels,
 * a series set changing every phase) found through file_sd, with target and metric relabeling. Both
 * must then show the same targets, hold the same series, and answer the same queries identically at
 * instants well inside a phase of the OpenMetrics target (whose values are constant within a phase).
 */
class ScrapeSideBySideIT {
  private static final long PHASE_MILLIS = 4_000;
  private static final int PHASES_COMPARED = 4;

  @TempDir static Path dir;
  private static NodeExporter nodeExporter;
  private static PhasedOpenMetricsTarget openMetrics;
  private static SideBySideServers servers;
  private static ApiClient prometheusApi;
  private static ApiClient vigilApi;
  /** The compared window: from the start of a phase both servers scraped whole, for PHASES_COMPARED phases. */
  private static long firstPhase;

  @BeforeAll
  static void scrapeSideBySide() throws Exception {
    ItPeers.prometheus();
    ItPeers.nodeExporter();
    nodeExporter = NodeExporter.start(dir.resolve("node-exporter"), Duration.ofSeconds(30));
    openMetrics = PhasedOpenMetricsTarget.start(PHASE_MILLIS);
    Path targets = dir.resolve("om-targets.json");
    Files.writeString(targets, "[{\"targets\": [\"" + openMetrics.address() + "\"], \"labels\": {\"team\": \"core\"}}]");
    String config = """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          external_labels:
            cluster: side-by-side
        scrape_configs:
          - job_name: node
            static_configs:
              - targets: ['%s']
                labels:
                  env: test
            metric_relabel_configs:
              - source_labels: [__name__]
                regex: 'go_.*|node_scrape_collector_duration_seconds'
                action: drop
          - job_name: om
            file_sd_configs:
              - files: ['%s']
            relabel_configs:
              - source_labels: [__address__]
                regex: '127\\.0\\.0\\.1:(\\d+)'
                target_label: port
              - source_labels: [__meta_filepath]
                regex: '.*/(.*)'
                target_label: sd_file
            metric_relabel_configs:
              - source_labels: [path]
                regex: '/(.*)'
                target_label: route
                replacement: 'r_$1'
              - regex: 'path'
                action: labeldrop
              - source_labels: [__name__, worker]
                regex: 'demo_worker_busy;w3'
                action: drop
        """.formatted(nodeExporter.metricsUrl().getAuthority(), targets);
    servers = SideBySideServers.start(dir, config);
    prometheusApi = servers.prometheusApi();
    vigilApi = servers.vigilApi();
    awaitTargetsUp(prometheusApi);
    awaitTargetsUp(vigilApi);
    firstPhase = openMetrics.phase() + 2;
    long end = openMetrics.phaseStart(firstPhase + PHASES_COMPARED) + 1_500;
    Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
  }

  @AfterAll
  static void stopAll() {
    for (AutoCloseable c : new AutoCloseable[] {servers, openMetrics, nodeExporter}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        System.err.println("stopping " + c + ": " + e);
      }
    }
  }

  @Test
  void bothServersShowTheSameTargetsUp() throws Exception {
    assertThat(targets(vigilApi)).isEqualTo(targets(prometheusApi));
  }

  @Test
  void bothServersHoldTheSameSeries() throws Exception {
    long start = openMetrics.phaseStart(firstPhase) + 1_500;
    long end = openMetrics.phaseStart(firstPhase + PHASES_COMPARED - 1) + 3_000;
    for (String job : List.of("om", "node")) {
      String query = "/api/v1/series?match[]=" + ApiClient.enc("{job=\"" + job + "\"}") + "&start="
          + Interop.seconds(start) + "&end=" + Interop.seconds(end);
      Set<Labels> expected = seriesSet(prometheusApi.get(query));
      assertThat(expected).as("series of job %s", job).hasSizeGreaterThan(job.equals("om") ? 20 : 100);
      assertThat(seriesSet(vigilApi.get(query))).as("series of job %s", job).isEqualTo(expected);
    }
  }

  @Test
  void bothServersAnswerTheSameQueriesInsideEachPhase() throws Exception {
    List<String> queries = List.of(
        // Every series of the target but the one measuring each server's own scrape time.
        "{job=\"om\", __name__!=\"scrape_duration_seconds\"}",
        "sum by (route, __name__) ({job=\"om\", __name__=~\"demo_requests.*\"})",
        "histogram_quantile(0.9, demo_latency_seconds_bucket)",
        "demo_rpc_seconds_sum / demo_rpc_seconds_count",
        "count by (worker) (demo_worker_busy)",
        "up",
        "scrape_samples_scraped",
        "scrape_samples_post_metric_relabeling",
        "count by (__name__) ({job=\"node\"})",
        "count(node_cpu_seconds_total) by (mode)");
    int compared = 0;
    for (long p = firstPhase; p < firstPhase + PHASES_COMPARED; p++) {
      String time = Interop.seconds(openMetrics.phaseStart(p) + PHASE_MILLIS - 500);
      for (String q : queries) {
        String path = "/api/v1/query?query=" + ApiClient.enc(q) + "&time=" + time;
        JsonNode expected = prometheusApi.get(path);
        assertThat(expected.path("data").path("result").size()).as("%s at %s", q, time).isPositive();
        assertThat(sortedResult(vigilApi.get(path))).as("%s at %s", q, time).isEqualTo(sortedResult(expected));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(queries.size() * PHASES_COMPARED);
  }

  @Test
  void bothServersFederateTheSameSeriesWithTheExternalLabels() throws Exception {
    // Well inside a phase, both servers' newest samples of the target hold the same values.
    long phase = openMetrics.phase() + 1;
    long at = openMetrics.phaseStart(phase) + PHASE_MILLIS / 2 + 500;
    Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
    String path = "/federate?match[]=" + ApiClient.enc("{job=\"om\"}") + "&match[]=" + ApiClient.enc("up");
    String fromPrometheus = prometheusApi.text(path, "text/plain; version=0.0.4; charset=utf-8");
    String fromVigil = vigilApi.text(path, "text/plain; version=0.0.4; charset=utf-8");
    assertThat(openMetrics.phase()).as("both answered within one phase").isEqualTo(phase);
    assertThat(fromPrometheus).contains("cluster=\"side-by-side\"");
    assertThat(withoutTimestamps(fromVigil)).isEqualTo(withoutTimestamps(fromPrometheus));
  }

  /**
   * Federation text by family, sample lines without their timestamps (each server's own scrape time),
   * sorted within a family (Prometheus orders a family's series by an unstable sort), the scrape
   * duration series left out (each server's own measurement).
   */
  private static Map<String, List<String>> withoutTimestamps(String federation) {
    Map<String, List<String>> families = new TreeMap<>();
    String family = "";
    for (String line : federation.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        family = line;
        families.put(family, new ArrayList<>());
      } else if (!line.isEmpty() && !line.startsWith("scrape_duration_seconds")) {
        families.get(family).add(line.substring(0, line.lastIndexOf(' ')));
      }
    }
    families.values().forEach(Collections::sort);
    families.remove("# TYPE scrape_duration_seconds untyped");
    return families;
  }

  @Test
  void scrapeTimestampsDifferByLessThanTheScrapeInterval() throws Exception {
    long at = openMetrics.phaseStart(firstPhase + 1);
    Map<Labels, String> prometheusTimes = prometheusApi.vector("timestamp(up)", at);
    Map<Labels, String> vigilTimes = vigilApi.vector("timestamp(up)", at);
    assertThat(vigilTimes.keySet()).isEqualTo(prometheusTimes.keySet());
    prometheusTimes.forEach((labels, t) ->
        assertThat(Math.abs(Double.parseDouble(t) - Double.parseDouble(vigilTimes.get(labels))))
            .as("scrape time of %s", labels).isLessThanOrEqualTo(1.0));
  }

  /** The active targets as the comparison sees them: everything but times, durations and globalUrl. */
  private static Set<String> targets(ApiClient server) throws Exception {
    Set<String> out = new TreeSet<>();
    for (JsonNode t : server.activeTargets()) {
      out.add(t.path("scrapePool").asText() + " " + t.path("scrapeUrl").asText() + " " + t.path("health").asText()
          + " [" + t.path("lastError").asText() + "] " + t.path("scrapeInterval").asText() + " "
          + t.path("scrapeTimeout").asText() + " labels=" + ApiClient.labels(t.path("labels")) + " discovered="
          + ApiClient.labels(t.path("discoveredLabels")));
    }
    return out;
  }

  private static void awaitTargetsUp(ApiClient server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode active = null;
    while (System.nanoTime() < deadline) {
      active = server.activeTargets();
      int up = 0;
      for (JsonNode t : active) {
        up += t.path("health").asText().equals("up") ? 1 : 0;
      }
      if (up == 2) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(server + " did not scrape both targets: " + active);
  }

  private static Set<Labels> seriesSet(JsonNode answer) {
    Set<Labels> out = new TreeSet<>();
    answer.path("data").forEach(s -> out.add(ApiClient.labels(s)));
    return out;
  }

  /** An instant vector by labels (value strings), or any other result as its JSON text. */
  private static Object sortedResult(JsonNode answer) {
    JsonNode data = answer.path("data");
    if (!data.path("resultType").asText().equals("vector")) {
      return data.toString();
    }
    return new TreeMap<>(ApiClient.vector(answer)).toString();
  }
}
