package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.labels.Labels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Prometheus 2.42 and vigil server, started with the same prometheus.yml, scrape one healthy
 * target and the {@linkplain HostileCases hostile ones}: malformed expositions, bodies over the size
 * limit, limits on samples and labels, duplicate series, invalid UTF-8, a target that never answers,
 * connections closed mid-body, error statuses, a closed port and corrupt gzip. Vigil must judge each as
 * Prometheus does (health, {@code lastError}, report series), keep scraping the healthy target, and stay
 * healthy itself.
 */
class HostileTargetsIT {
  private static final List<HostileCase> CASES = HostileCases.all();
  private static final String HEALTHY_JOB = "healthy";
  /** How long both servers scrape every target before the comparisons: several scrapes each. */
  private static final Duration OBSERVED = Duration.ofSeconds(5);
  private static final Duration FIRST_SCRAPES = Duration.ofSeconds(30);
  /** The report series compared at one instant: every one but the duration, which is each server's own. */
  private static final List<String> REPORT_SERIES = List.of(
      "up", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added");

  @TempDir static Path dir;
  private static RawHttpTarget target;
  /** A loopback port nothing listens on. */
  private static String closedAddress;
  private static SideBySideServers servers;
  private static ApiClient prometheusApi;
  private static ApiClient vigilApi;
  /** When both servers had scraped every target once. */
  private static long allScrapedMillis;
  private static Map<String, JsonNode> prometheusTargets;
  private static Map<String, JsonNode> vigilTargets;

  @BeforeAll
  static void scrapeHostileTargets() throws Exception {
    ItPeers.prometheus();
    Map<String, RawHttpTarget.Reply> replies = new HashMap<>();
    replies.put("/" + HEALTHY_JOB, HostileCases.healthy());
    CASES.stream().filter(HostileCase::listening).forEach(c -> replies.put("/" + c.job(), c.reply()));
    target = RawHttpTarget.start(replies);
    closedAddress = "127.0.0.1:" + closedPort();
    String config = config();
    servers = SideBySideServers.start(dir, config);
    prometheusApi = servers.prometheusApi();
    vigilApi = servers.vigilApi();
    awaitEveryTargetScraped(prometheusApi);
    awaitEveryTargetScraped(vigilApi);
    allScrapedMillis = System.currentTimeMillis();
    Thread.sleep(OBSERVED.toMillis());
    prometheusTargets = targetsByJob(prometheusApi);
    vigilTargets = targetsByJob(vigilApi);
  }

  @AfterAll
  static void stopAll() {
    for (AutoCloseable c : new AutoCloseable[] {servers, target}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        System.err.println("stopping " + c + ": " + e);
      }
    }
  }

  static List<HostileCase> cases() {
    return CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bothServersGiveTheTargetPrometheussHealth(HostileCase c) {
    String expected = c.up() ? "up" : "down";
    assertThat(prometheusTargets.get(c.job()).path("health").asText()).as("Prometheus").isEqualTo(expected);
    assertThat(vigilTargets.get(c.job()).path("health").asText()).as("Vigil").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vigilReportsPrometheussLastError(HostileCase c) {
    String prometheusError = prometheusTargets.get(c.job()).path("lastError").asText();
    String vigilError = vigilTargets.get(c.job()).path("lastError").asText();
    assertThat(prometheusError).as("Prometheus's lastError (the case provokes what it claims)")
        .isEqualTo(c.lastError(address(c)));
    assertThat(vigilError).as("Vigil's lastError").isEqualTo(prometheusError);
  }

  @Test
  void reportSeriesOfEveryTargetAgreeAtOneInstant() throws Exception {
    long at = System.currentTimeMillis() - 1_000;
    for (String series : REPORT_SERIES) {
      Map<Labels, String> expected = prometheusApi.vector(series, at);
      assertThat(expected).as("%s on Prometheus", series).hasSize(CASES.size() + 1);
      assertThat(new TreeMap<>(vigilApi.vector(series, at))).as(series).isEqualTo(expected);
    }
  }

  @Test
  void theHealthyTargetStaysUpThroughout() throws Exception {
    long at = System.currentTimeMillis();
    long seconds = (at - allScrapedMillis) / 1000;
    String window = "[" + seconds + "s]";
    for (ApiClient server : List.of(prometheusApi, vigilApi)) {
      assertThat(server.vector("min_over_time(up{job=\"healthy\"}" + window + ")", at).values())
          .as("lowest up of the healthy target on %s", server).containsExactly("1");
      assertThat(server.vector("count_over_time(up{job=\"healthy\"}" + window + ")", at).values())
          .as("scrapes of the healthy target on %s", server).singleElement()
          .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThanOrEqualTo((int) seconds - 1));
    }
  }

  @Test
  void aDuplicatedSeriesKeepsItsFirstValue() throws Exception {
    long at = System.currentTimeMillis() - 1_000;
    Map<Labels, String> expected = prometheusApi.vector("dup", at);
    assertThat(expected.values()).as("Prometheus").containsExactly("1");
    assertThat(vigilApi.vector("dup", at)).isEqualTo(expected);
  }

  @Test
  void bothServersStayHealthy() throws Exception {
    assertThat(servers.prometheus().isAlive()).as("Prometheus is running").isTrue();
    assertThat(prometheusApi.status("/-/healthy")).as("Prometheus /-/healthy").isEqualTo(200);
    assertThat(vigilApi.status("/-/healthy")).as("Vigil /-/healthy").isEqualTo(200);
  }

  private static String address(HostileCase c) {
    return c.listening() ? target.address() : closedAddress;
  }

  /** One job per case, its path named after it, plus the healthy job; all at the one interval. */
  private static String config() {
    StringBuilder yaml = new StringBuilder("""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
        """);
    job(yaml, HEALTHY_JOB, target.address(), "");
    for (HostileCase c : CASES) {
      job(yaml, c.job(), address(c), c.settings());
    }
    return yaml.toString();
  }

  private static void job(StringBuilder yaml, String job, String address, String settings) {
    yaml.append("  - job_name: ").append(job).append('\n')
        .append("    metrics_path: /").append(job).append('\n')
        .append("    static_configs:\n")
        .append("      - targets: ['").append(address).append("']\n");
    if (!settings.isEmpty()) {
      yaml.append("    ").append(settings).append('\n');
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return probe.getLocalPort();
    }
  }

  private static void awaitEveryTargetScraped(ApiClient server) throws Exception {
    long deadline = System.nanoTime() + FIRST_SCRAPES.toNanos();
    JsonNode active = null;
    while (System.nanoTime() < deadline) {
      active = server.activeTargets();
      int scraped = 0;
      for (JsonNode t : active) {
        scraped += t.path("health").asText().equals("unknown") ? 0 : 1;
      }
      if (scraped == CASES.size() + 1) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(server + " did not scrape every target within " + FIRST_SCRAPES + ": " + active);
  }

  private static Map<String, JsonNode> targetsByJob(ApiClient server) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode t : server.activeTargets()) {
      out.put(t.path("labels").path("job").asText(), t);
    }
    assertThat(out).as("active targets of %s", server).hasSize(CASES.size() + 1);
    return out;
  }
}
