package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.scrape.config.ConfigYaml;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.testkit.peer.PrometheusServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vigil shows a loaded configuration as Prometheus 2.42 does at {@code /api/v1/status/config}. One real
 * Prometheus reloads each file of the corpus in turn, and {@link ConfigYaml} must render Vigil's reading
 * of the same file exactly as Prometheus's {@code data.yaml}, byte for byte. Relative paths resolve
 * against the file's directory in both, and files they name need not exist.
 */
class ConfigStatusMatchesPrometheusIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  private static PrometheusServer prometheus;
  private static HttpClient http;

  @BeforeAll
  static void startPrometheus() {
    ItPeers.prometheus();
    prometheus = PrometheusServer.start(dir.resolve("data"), dir.resolve("work"), Duration.ofSeconds(60),
        List.of("--web.enable-lifecycle"));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  /** Valid files that steer every section through its defaults, omissions, paths and quoting. */
  static Stream<Arguments> configs() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("empty file", "");
    cases.put("empty global", "global: {}\n");
    cases.put("global settings", """
        global:
          scrape_interval: 15s
          scrape_timeout: 5s
          evaluation_interval: 30s
          query_log_file: logs/../query.log
          external_labels: {replica: a, cluster: eu-1, a10: x, a9: y, A: z, _u: u}
        """);
    cases.put("external labels that need quoting", """
        global:
          external_labels:
            bool: 'true'
            yes: 'y'
            num: '10'
            hex: '0x1F'
            float: '1e3'
            date: '2001-12-14'
            sexagesimal: '1:20'
            empty: ''
            colon: 'a: b'
            hash: 'a #b'
            star: '*x'
            quote: "'x"
            dquote: '"x'
            lead: ' x'
            trail: 'x '
            dash: '- x'
            dashes: '---'
            tab: "a\\tb"
            unicode: é
            emoji: "\\U0001F600"
            nul: 'null'
            secret: <secret>
        """);
    cases.put("multi-line and long label values", """
        global:
          external_labels:
            clip: "a\\n"
            keep: "a\\n\\n"
            strip: "a\\nb"
            indented: " a\\nb"
            leading_break: "\\na"
            plain: the quick brown fox jumps over the lazy dog and keeps running far far away into the distance
            single: 'the quick brown fox: jumps over the lazy dog and keeps running far far away into the hills'
            double: "the quick brown fox\\tjumps over the lazy dog and keeps running far far away into the hills"
        """);
    cases.put("rule files", "rule_files: ['rules/*.yml', './a//b/../c.yml', '../up.yml', /abs/x.yml]\n");
    cases.put("minimal job", "scrape_configs:\n- job_name: a\n");
    cases.put("every scrape setting", """
        scrape_configs:
        - job_name: full
          honor_labels: yes
          honor_timestamps: false
          scheme: https
          metrics_path: /probe
          params: {module: [http_2xx, '10'], target: [], a10: [x], a9: [y]}
          scrape_interval: 1m30s
          scrape_timeout: 30s
          sample_limit: 18446744073709551615
          target_limit: 3
          label_limit: 5
          label_name_length_limit: 50
          label_value_length_limit: 60
          body_size_limit: 1GB512MB
          static_configs: [{targets: ['127.0.0.1:19100']}]
        """);
    cases.put("body size units", """
        scrape_configs:
        - {job_name: a, body_size_limit: 1500B}
        - {job_name: b, body_size_limit: 10MB}
        - {job_name: c, body_size_limit: 0.5KiB}
        - {job_name: d, body_size_limit: 0}
        """);
    cases.put("inherited and shrunk timing", """
        global: {scrape_interval: 2m, scrape_timeout: 30s}
        scrape_configs:
        - job_name: inherits
        - job_name: shrinks
          scrape_interval: 10s
        - job_name: days
          scrape_interval: 14d
          scrape_timeout: 1d12h
        """);
    cases.put("basic auth password", "scrape_configs:\n- job_name: a\n  basic_auth: {username: u, password: p}\n");
    cases.put("basic auth file", "scrape_configs:\n- job_name: a\n  basic_auth: {password_file: secrets/../pw}\n");
    cases.put("legacy bearer token", "scrape_configs:\n- job_name: a\n  bearer_token: t\n");
    cases.put("legacy bearer token file", "scrape_configs:\n- job_name: a\n  bearer_token_file: token\n");
    cases.put("authorization", """
        scrape_configs:
        - job_name: a
          authorization: {credentials: c}
        - job_name: b
          authorization: {type: ' Token ', credentials_file: /etc/token}
        - job_name: c
          authorization: {}
        """);
    cases.put("tls", """
        scrape_configs:
        - job_name: a
          scheme: https
          tls_config: {ca_file: ca.pem, cert_file: /abs/cert.pem, key_file: key.pem, server_name: s,
                       insecure_skip_verify: true, min_version: TLS11, max_version: TLS13}
          follow_redirects: false
          enable_http2: false
        - job_name: b
          tls_config: {min_version: TLS10}
        - job_name: c
          tls_config: {insecure_skip_verify: false}
        """);
    cases.put("static targets and labels", """
        scrape_configs:
        - job_name: a
          static_configs:
          - targets: ['127.0.0.1:19101', 'localhost:19102', '[::1]:19103', '10', 'x: y']
            labels: {env: prod, a10: ten, a9: nine, empty: '', B: upper, team: 'true'}
          - {}
          - targets: []
            labels: {only: labels}
        """);
    cases.put("file discovery", """
        scrape_configs:
        - job_name: a
          file_sd_configs:
          - files: ['sd/*.json', '../shared/*.yml', /abs/targets.yaml]
          - files: [one.json]
            refresh_interval: 30s
        """);
    cases.put("dns discovery", """
        scrape_configs:
        - job_name: a
          dns_sd_configs:
          - names: [_prometheus._tcp.example.invalid]
          - names: [a.example.invalid, b.example.invalid]
            type: A
            port: 9100
            refresh_interval: 1m
          - {names: [c.example.invalid], type: aaaa, port: 9101}
          - {names: [d.example.invalid], type: mx, port: 25}
        """);
    cases.put("every discovery mechanism in one job", """
        scrape_configs:
        - job_name: a
          static_configs: [{targets: ['127.0.0.1:19104']}]
          file_sd_configs: [{files: [f.json]}]
          dns_sd_configs: [{names: [_x._tcp.example.invalid]}]
          relabel_configs: [{source_labels: [__address__], target_label: addr}]
        """);
    cases.put("every relabel action", """
        scrape_configs:
        - job_name: a
          relabel_configs:
          - {source_labels: [env, team], separator: /, regex: '(.+)/(t.*)', target_label: 'owner_${2}', replacement: 'o-$1-$$'}
          - {action: Keep, source_labels: [__address__], regex: '127\\.0\\.0\\.1:.*|localhost.*'}
          - {action: drop, source_labels: [env], regex: drop-me}
          - {action: keepequal, source_labels: [job], target_label: job}
          - {action: dropequal, source_labels: [copy], target_label: env}
          - {action: hashmod, source_labels: [__address__], modulus: 18446744073709551557, target_label: shard}
          - {action: labelmap, regex: 'meta_(.+)', replacement: 'm_$1'}
          - {action: labeldrop, regex: 'tmp_.*'}
          - {action: labelkeep, regex: '[a-zA-Z_]+'}
          - {action: lowercase, source_labels: [Team], target_label: team_lower}
          - {action: uppercase, source_labels: [team], target_label: TEAM_UPPER}
        """);
    cases.put("relabel fields left empty", """
        scrape_configs:
        - job_name: a
          metric_relabel_configs:
          - {regex: ~, separator: '', replacement: '', action: keep}
          - {regex: '', source_labels: [], target_label: t}
          - {source_labels: ['true', y, on, 'null', aaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbb, ccccccccccccccccccc],
             target_label: joined}
        """);
    cases.put("job names and params that need quoting", """
        scrape_configs:
        - job_name: '10'
        - job_name: 'true'
        - job_name: 'a: b'
          params:
            '': [empty]
            'a b': [x]
            'c:d': ['1:20']
            'long key with spaces that goes on and on and on and on and on and on and on and on and on': [z]
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: [long]
            "multi\\nline": [key]
        - job_name: ünïcödé
        """);
    cases.put("yaml anchors, aliases and flow style", """
        scrape_configs:
        - &job {job_name: a, scrape_interval: 20s, static_configs: [{targets: &t ['127.0.0.1:19105']}]}
        - job_name: b
          scrape_interval: 20s
          static_configs: [{targets: *t}, {targets: *t, labels: {copy: 'yes'}}]
        """);
    cases.put("prometheus documentation example", """
        global:
          scrape_interval: 15s
          external_labels: {replica: a, cluster: eu-1}
        scrape_configs:
        - job_name: node
          relabel_configs:
          - {source_labels: [__address__], regex: '(.*):9100', target_label: host}
          metric_relabel_configs:
          - {source_labels: [__name__], regex: 'go_.*', action: drop}
          static_configs:
          - {targets: ['127.0.0.1:9100'], labels: {env: prod}}
        - job_name: files
          scrape_interval: 5s
          sample_limit: 1000
          body_size_limit: 10MB
          basic_auth: {username: u, password: p}
          file_sd_configs: [{files: ['/tmp/pcfg/*.json']}]
        """);
    cases.put("comments and blank lines", """
        # A comment before everything.

        global:
          scrape_interval: 1h # inline comment

        scrape_configs:
          # indented sequence
          - job_name: commented
            static_configs:
              - targets:
                  - 127.0.0.1:19107
        """);
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void vigilShowsTheConfigurationAsPrometheusDoes(String name, String yaml) throws Exception {
    Path file = dir.resolve("work").resolve("prometheus.yml");
    Files.writeString(file, yaml);
    HttpResponse<String> reload = http.send(HttpRequest.newBuilder(prometheus.baseUrl().resolve("/-/reload"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(reload.statusCode()).as(reload.body() + prometheus.logTail()).isEqualTo(200);
    HttpResponse<String> status = http.send(HttpRequest.newBuilder(
        prometheus.baseUrl().resolve("/api/v1/status/config")).build(), HttpResponse.BodyHandlers.ofString());
    String expected = JSON.readTree(status.body()).get("data").get("yaml").asText();

    assertThat(ConfigYaml.render(PrometheusConfig.load(file))).isEqualTo(expected);
  }
}
