package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ConfigException;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import dev.vigil.scrape.config.TargetLabels;
import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.testkit.peer.Promtool;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vigil reads prometheus.yml as Prometheus 2.42 does: {@code promtool check config} accepts exactly
 * the files Vigil's loader accepts, and a real Prometheus relabels static targets into the same
 * active and dropped label sets as Vigil's {@link TargetLabels}.
 */
class ConfigAgreesWithPrometheusIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> configs() {
    Map<String, String> cases = new TreeMap<>();
    cases.put("empty", "");
    cases.put("minimal job", "scrape_configs:\n- job_name: a\n");
    cases.put("full job", """
        global: {scrape_interval: 15s, external_labels: {cluster: a}}
        rule_files: [rules/*.yml]
        scrape_configs:
        - job_name: full
          honor_labels: yes
          honor_timestamps: false
          scheme: https
          metrics_path: /m
          params: {module: [x]}
          scrape_interval: 1m
          scrape_timeout: 30s
          sample_limit: 10
          label_limit: 5
          label_name_length_limit: 50
          label_value_length_limit: 50
          target_limit: 3
          body_size_limit: 10MB
          follow_redirects: false
          basic_auth: {username: u, password: p}
          tls_config: {server_name: s, insecure_skip_verify: true, min_version: TLS12}
          static_configs: [{targets: ['h:1'], labels: {env: prod}}]
          file_sd_configs: [{files: [sd/*.json], refresh_interval: 1m}]
          dns_sd_configs: [{names: [db.example], type: A, port: 9100}]
          relabel_configs: [{source_labels: [env], target_label: e}]
          metric_relabel_configs: [{action: labeldrop, regex: tmp_.*}]
        """);
    cases.put("bearer token", "scrape_configs:\n- job_name: a\n  bearer_token: t\n");
    cases.put("yaml bool y", "scrape_configs:\n- job_name: a\n  honor_labels: y\n");
    cases.put("unknown top field", "foo: 1\n");
    cases.put("unknown scrape field", "scrape_configs:\n- job_name: a\n  bar: 1\n");
    cases.put("unknown static field", "scrape_configs:\n- job_name: a\n  static_configs: [{targets: [x], baz: 1}]\n");
    cases.put("duplicate field", "scrape_configs:\n- job_name: a\n  job_name: b\n");
    cases.put("duplicate job", "scrape_configs:\n- job_name: a\n- job_name: a\n");
    cases.put("quoted bool", "scrape_configs:\n- job_name: a\n  honor_labels: 'true'\n");
    cases.put("negative limit", "scrape_configs:\n- job_name: a\n  sample_limit: -1\n");
    cases.put("bare duration", "global: {scrape_interval: 30}\n");
    cases.put("global timeout too long", "global: {scrape_interval: 10s, scrape_timeout: 20s}\n");
    cases.put("job timeout too long", "scrape_configs:\n- job_name: a\n  scrape_interval: 5s\n  scrape_timeout: 10s\n");
    cases.put("inherited timeout shrinks", "scrape_configs:\n- job_name: a\n  scrape_interval: 5s\n");
    cases.put("empty job name", "scrape_configs:\n- job_name: ''\n");
    cases.put("null scrape config", "scrape_configs: [~]\n");
    cases.put("bare body size", "scrape_configs:\n- job_name: a\n  body_size_limit: 1000\n");
    cases.put("url target", "scrape_configs:\n- job_name: a\n  static_configs: [{targets: ['http://x:80']}]\n");
    cases.put("url target rewritten", "scrape_configs:\n- job_name: a\n  static_configs: [{targets: ['x:80/y']}]\n"
        + "  relabel_configs: [{source_labels: [__address__], regex: '(.*)/y', target_label: __address__}]\n");
    cases.put("bad label name", "scrape_configs:\n- job_name: a\n  static_configs: [{targets: [x], labels: {a-b: c}}]\n");
    cases.put("bad action", "scrape_configs:\n- job_name: a\n  relabel_configs: [{action: explode}]\n");
    cases.put("bad regex", "scrape_configs:\n- job_name: a\n  relabel_configs: [{regex: '(abc'}]\n");
    cases.put("hashmod without modulus", "scrape_configs:\n- job_name: a\n  relabel_configs: [{action: hashmod, target_label: x}]\n");
    cases.put("keepequal with regex", "scrape_configs:\n- job_name: a\n"
        + "  relabel_configs: [{action: keepequal, source_labels: [a], target_label: b, regex: (.*)}]\n");
    cases.put("labeldrop with source", "scrape_configs:\n- job_name: a\n  relabel_configs: [{action: labeldrop, source_labels: [a]}]\n");
    cases.put("lowercase with replacement", "scrape_configs:\n- job_name: a\n"
        + "  relabel_configs: [{action: lowercase, source_labels: [a], target_label: b, replacement: x}]\n");
    cases.put("invalid target template", "scrape_configs:\n- job_name: a\n  relabel_configs: [{source_labels: [a], target_label: a-b}]\n");
    cases.put("unknown tls version", "scrape_configs:\n- job_name: a\n  tls_config: {min_version: TLS14}\n");
    cases.put("two bearer sources", "scrape_configs:\n- job_name: a\n  bearer_token: t\n  bearer_token_file: f\n");
    cases.put("basic authorization", "scrape_configs:\n- job_name: a\n  authorization: {type: basic}\n");
    cases.put("file sd without files", "scrape_configs:\n- job_name: a\n  file_sd_configs: [{}]\n");
    cases.put("file sd bad extension", "scrape_configs:\n- job_name: a\n  file_sd_configs: [{files: [x.txt]}]\n");
    cases.put("dns A without port", "scrape_configs:\n- job_name: a\n  dns_sd_configs: [{names: [x], type: A}]\n");
    cases.put("dns bad type", "scrape_configs:\n- job_name: a\n  dns_sd_configs: [{names: [x], type: TXT}]\n");
    cases.put("dns MX with port", "scrape_configs:\n- job_name: a\n  dns_sd_configs: [{names: [x], type: mx, port: 25}]\n");
    cases.put("bad rule file glob", "rule_files: ['a/**/b']\n");
    cases.put("syntax error", "scrape_configs:\n- job_name: a\n  x: [unclosed\n");
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void promtoolAcceptsExactlyWhatVigilAccepts(String name, String yaml, @TempDir Path dir) throws Exception {
    Promtool promtool = ItPeers.promtool();
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, yaml);
    Promtool.Result result = promtool.run(Duration.ofSeconds(30), "check", "config", file.toString());
    String vigilVerdict;
    try {
      PrometheusConfig.load(file);
      vigilVerdict = "accepted";
    } catch (ConfigException e) {
      vigilVerdict = "refused: " + e.getMessage();
    }
    assertThat(vigilVerdict.equals("accepted")).as("promtool said %s; Vigil %s", result.describe(), vigilVerdict)
        .isEqualTo(result.ok());
  }

  private static final String RELABEL_CONFIG = """
      global: {scrape_interval: 1h, scrape_timeout: 5s}
      scrape_configs:
      - job_name: relabel
        params: {module: [m1, m2]}
        static_configs:
        %s
        relabel_configs:
        - {action: drop, source_labels: [env], regex: drop-me}
        - {action: keep, source_labels: [__address__], regex: '127\\.0\\.0\\.1:.*|localhost.*'}
        - {action: dropequal, source_labels: [copy], target_label: env}
        - {action: keepequal, source_labels: [job], target_label: job}
        - {source_labels: [env, team], separator: '/', regex: '(.+)/(t.*)', target_label: 'owner_${2}', replacement: 'o-$1-$$'}
        - {source_labels: [env], regex: 'pr(o)d', target_label: short, replacement: '$1x'}
        - {action: hashmod, source_labels: [__address__], modulus: 7, target_label: shard}
        - {action: hashmod, source_labels: [__address__, env], modulus: 18446744073709551557, target_label: bigshard}
        - {action: labelmap, regex: 'meta_(.+)', replacement: 'm_$1'}
        - {action: lowercase, source_labels: [Team], target_label: team_lower}
        - {action: uppercase, source_labels: [team], target_label: TEAM_UPPER}
        - {action: labeldrop, regex: 'meta_.*'}
        - {action: labelkeep, regex: '[a-zA-Z_]+'}
        - {source_labels: [instance_override], regex: '(.+)', target_label: instance}
        - {source_labels: [port_only], regex: '(.+)', target_label: __address__, replacement: 'localhost:$1'}
      """;

  @Test
  void prometheusRelabelsStaticTargetsAsVigilDoes(@TempDir Path dir) throws Exception {
    ItPeers.prometheus();
    String config = RELABEL_CONFIG.formatted(staticGroups());
    ScrapeConfig job = PrometheusConfig.parse(config, "relabel.yml").scrapeConfigs().get(0);
    try (PrometheusServer prometheus = PrometheusServer.start(dir.resolve("data"), dir.resolve("work"),
        Duration.ofSeconds(60), List.of("--web.enable-lifecycle"))) {
      Files.writeString(dir.resolve("work").resolve("prometheus.yml"), config);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> reload = http.send(HttpRequest.newBuilder(prometheus.baseUrl().resolve("/-/reload"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(reload.statusCode()).as(reload.body() + prometheus.logTail()).isEqualTo(200);

      int expected = job.staticConfigs().stream().mapToInt(g -> g.targets().size()).sum();
      JsonNode data = awaitTargets(http, prometheus, expected);

      Set<Labels> prometheusActive = new HashSet<>();
      data.get("activeTargets").forEach(t -> prometheusActive.add(labels(t.get("labels"))));
      Set<Labels> prometheusDropped = new HashSet<>();
      data.get("droppedTargets").forEach(t -> prometheusDropped.add(labels(t.get("discoveredLabels"))));

      Set<Labels> vigilActive = new HashSet<>();
      Set<Labels> vigilDropped = new HashSet<>();
      for (TargetGroup group : job.staticConfigs()) {
        for (int i = 0; i < group.targets().size(); i++) {
          TargetLabels target = TargetLabels.populate(TargetLabels.discovered(group, i), job);
          if (target.dropped()) {
            vigilDropped.add(target.discoveredLabels());
          } else {
            vigilActive.add(target.publicLabels());
          }
        }
      }
      assertThat(vigilActive).as("active targets").hasSizeGreaterThan(5).isEqualTo(prometheusActive);
      assertThat(vigilDropped).as("dropped targets").hasSizeGreaterThan(3).isEqualTo(prometheusDropped);
    }
  }

  /** Twenty targets on ports nothing listens on, with labels that steer them through every rule. */
  private static String staticGroups() {
    List<String> groups = new ArrayList<>();
    String[] envs = {"prod", "dev", "drop-me", "staging", "prod"};
    String[] teams = {"tools", "Team-A", "ops", "", "tx"};
    for (int i = 0; i < 20; i++) {
      String address = i % 9 == 8 ? "10.0.0." + i + ":9" : "127.0.0.1:" + (19000 + i);
      StringBuilder labels = new StringBuilder("env: " + envs[i % 5]);
      if (!teams[i % 5].isEmpty()) {
        labels.append(", team: ").append(teams[i % 5]).append(", Team: ").append(teams[(i + 1) % 5].isEmpty() ? "X" : teams[(i + 1) % 5]);
      }
      if (i % 4 == 0) {
        labels.append(", meta_zone: z").append(i);
      }
      if (i % 6 == 1) {
        labels.append(", copy: ").append(envs[i % 5]);
      }
      if (i % 7 == 3) {
        labels.append(", instance_override: inst-").append(i);
      }
      if (i % 10 == 5) {
        labels.append(", port_only: ").append(20000 + i);
      }
      if (i % 5 == 2) {
        labels.append(", x1: dropped-by-labelkeep");
      }
      groups.add("  - {targets: ['" + address + "'], labels: {" + labels + "}}");
    }
    return String.join("\n", groups).substring(2);
  }

  private static JsonNode awaitTargets(HttpClient http, PrometheusServer prometheus, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode data = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          prometheus.baseUrl().resolve("/api/v1/targets?state=any")).build(), HttpResponse.BodyHandlers.ofString());
      data = JSON.readTree(response.body()).get("data");
      int seen = data.get("activeTargets").size() + data.get("droppedTargets").size();
      if (seen == expected && data.get("activeTargets").findValues("scrapePool").stream()
          .allMatch(p -> p.asText().equals("relabel"))) {
        return data;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Prometheus did not list " + expected + " targets: " + data + "\n" + prometheus.logTail());
  }

  private static Labels labels(JsonNode object) {
    var builder = Labels.builder();
    object.fields().forEachRemaining(e -> builder.add(e.getKey(), e.getValue().asText()));
    return builder.build();
  }
}
