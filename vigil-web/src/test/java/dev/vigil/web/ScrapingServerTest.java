package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil server with a configuration file: scrapes, shows its targets and configuration, reloads. */
class ScrapingServerTest {
  private static final String EXPOSITION = "# TYPE demo_requests_total counter\n"
      + "demo_requests_total{path=\"/\"} 42\n";

  @TempDir
  Path dir;

  private HttpServer target;
  private String targetAddress;

  @BeforeEach
  void startTarget() throws Exception {
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext("/metrics", exchange -> {
      byte[] body = EXPOSITION.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    target.start();
    targetAddress = "127.0.0.1:" + target.getAddress().getPort();
  }

  @AfterEach
  void stopTarget() {
    target.stop(0);
  }

  private Path config(String jobs) throws Exception {
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, "global:\n  scrape_interval: 100ms\n  scrape_timeout: 100ms\n"
        + "  external_labels:\n    cluster: test\nscrape_configs:\n" + jobs);
    return file;
  }

  private String job(String name) {
    return "  - job_name: " + name + "\n    static_configs:\n      - targets: ['" + targetAddress + "']\n";
  }

  private static String await(Http http, String path, Predicate<String> done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String body = "";
    while (System.nanoTime() < deadline) {
      body = http.get(path).body();
      if (done.test(body)) {
        return body;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("gave up waiting on " + path + "; last answer: " + body);
  }

  @Test
  void scrapedSamplesAndReportSeriesBecomeQueryable() throws Exception {
    ServerOptions options = ServerOptions.loopback(dir.resolve("data")).withConfigFile(config(job("demo")));
    try (VigilServer server = VigilServer.start(options)) {
      Http http = new Http(server.baseUrl());
      String answer = await(http, "/api/v1/query?query=" + Http.enc("demo_requests_total"),
          body -> body.contains("\"42\""));
      assertThat(answer).contains("\"instance\":\"" + targetAddress + "\"", "\"job\":\"demo\"");
      await(http, "/api/v1/query?query=" + Http.enc("up{job=\"demo\"}"), body -> body.contains("\"1\""));
    }
  }

  @Test
  void metricsShowScrapesAndTargetsPerPool() throws Exception {
    ServerOptions options = ServerOptions.loopback(dir.resolve("data")).withConfigFile(config(job("demo")));
    try (VigilServer server = VigilServer.start(options)) {
      Http http = new Http(server.baseUrl());
      await(http, "/api/v1/targets", body -> body.contains("\"health\":\"up\""));
      assertThat(http.get("/metrics").body()).contains("vigil_target_scrape_pool_targets{scrape_job=\"demo\"} 1.0",
          "vigil_target_scrapes_total ", "vigil_target_samples_appended_total ");
    }
  }

  @Test
  void targetsShowTheScrapedTargetWithItsHealth() throws Exception {
    ServerOptions options = ServerOptions.loopback(dir.resolve("data")).withConfigFile(config(job("demo")));
    try (VigilServer server = VigilServer.start(options)) {
      String targets = await(new Http(server.baseUrl()), "/api/v1/targets", body -> body.contains("\"health\":\"up\""));
      assertThat(targets).startsWith("{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"discoveredLabels\":{")
          .contains("\"scrapePool\":\"demo\"", "\"scrapeUrl\":\"http://" + targetAddress + "/metrics\"",
              "\"lastError\":\"\"", "\"scrapeInterval\":\"100ms\"", "\"scrapeTimeout\":\"100ms\"")
          .endsWith("\"droppedTargets\":[]}}");
    }
  }

  @Test
  void aBadConfigurationIsRefusedOnReloadAndTheOldOneKeepsRunning() throws Exception {
    Path file = config(job("demo"));
    try (VigilServer server = VigilServer.start(ServerOptions.loopback(dir.resolve("data")).withConfigFile(file))) {
      Http http = new Http(server.baseUrl());
      await(http, "/api/v1/targets", body -> body.contains("\"health\":\"up\""));
      Files.writeString(file, "scrape_configs:\n  - job_name: demo\n    scrape_intervall: 1s\n");
      Http.Answer refused = http.method("POST", "/-/reload");
      assertThat(refused.status()).isEqualTo(500);
      assertThat(refused.body()).startsWith("failed to reload config: couldn't load configuration (--config.file=\""
          + file + "\"): parsing YAML file " + file).contains("scrape_intervall");
      assertThat(http.get("/api/v1/status/config").body()).contains("job_name: demo", "cluster: test");
      await(http, "/api/v1/targets", body -> body.contains("\"health\":\"up\""));
    }
  }

  @Test
  void aReloadStartsNewJobsAndStopsRemovedOnes() throws Exception {
    Path file = config(job("first"));
    try (VigilServer server = VigilServer.start(ServerOptions.loopback(dir.resolve("data")).withConfigFile(file))) {
      Http http = new Http(server.baseUrl());
      await(http, "/api/v1/targets", body -> body.contains("\"scrapePool\":\"first\""));
      config(job("second"));
      assertThat(http.method("POST", "/-/reload").status()).isEqualTo(200);
      String targets = await(http, "/api/v1/targets",
          body -> body.contains("\"scrapePool\":\"second\"") && !body.contains("\"scrapePool\":\"first\""));
      assertThat(targets).contains("\"job\":\"second\"");
      assertThat(http.get("/api/v1/status/config").body()).contains("job_name: second").doesNotContain("job_name: first");
    }
  }

  @Test
  void reloadIsForbiddenWithoutTheLifecycleApi() throws Exception {
    ServerOptions scraping = ServerOptions.loopback(dir.resolve("data")).withConfigFile(config(job("demo")));
    ServerOptions options = new ServerOptions(scraping.tsdbPath(), scraping.storage(), scraping.listenAddress(),
        scraping.engineOptions(), scraping.flags(), scraping.buildInfo(), scraping.configFile(), false);
    try (VigilServer server = VigilServer.start(options)) {
      Http.Answer answer = new Http(server.baseUrl()).method("POST", "/-/reload");
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).isEqualTo("Lifecycle API is not enabled.\n");
    }
  }

  @Test
  void aServerWithoutAConfigurationFileShowsPrometheusDefaults() throws Exception {
    try (VigilServer server = VigilServer.start(ServerOptions.loopback(dir.resolve("data")))) {
      assertThat(new Http(server.baseUrl()).get("/api/v1/status/config").body()).isEqualTo(
          "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  scrape_interval: 1m\\n  scrape_timeout: 10s\\n"
              + "  evaluation_interval: 1m\\n\"}}");
    }
  }

  @Test
  void startingWithAnUnloadableConfigurationFails() throws Exception {
    Path file = dir.resolve("broken.yml");
    Files.writeString(file, "scrape_configs: [");
    ServerOptions options = ServerOptions.loopback(dir.resolve("data")).withConfigFile(file);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VigilServer.start(options))
        .hasMessageStartingWith("Error loading config (--config.file=" + file + ")");
  }
}
