package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Prometheus 2.42 serves at /api/v1/status/config; every expectation was read from its output. */
class ConfigYamlTest {
  private static final String JOB_DEFAULTS = """
        honor_timestamps: true
        scrape_interval: 1m
        scrape_timeout: 10s
        metrics_path: /metrics
        scheme: http
      """;
  private static final String HTTP_DEFAULTS = """
        follow_redirects: true
        enable_http2: true
      """;

  private static String render(String... lines) throws ConfigException {
    return ConfigYaml.render(PrometheusConfig.parse(String.join("\n", lines), "prometheus.yml"));
  }

  /** The rendering of a single job named j, after the default global section. */
  private static String job(String... lines) throws ConfigException {
    String yaml = render("scrape_configs:\n- job_name: j\n" + String.join("\n", lines));
    return yaml.substring(yaml.indexOf("scrape_configs:\n- job_name: j\n") + "scrape_configs:\n- job_name: j\n".length());
  }

  @Test
  void anEmptyFileShowsTheGlobalDefaults() throws ConfigException {
    assertThat(render("")).isEqualTo("global:\n  scrape_interval: 1m\n  scrape_timeout: 10s\n  evaluation_interval: 1m\n");
  }

  @Test
  void theGlobalSectionShowsTheQueryLogAndTheExternalLabelsInYamlKeyOrder() throws ConfigException {
    assertThat(render("global:", "  scrape_interval: 15s", "  query_log_file: /var/q.log",
        "  external_labels: {replica: a, a10: x, a9: y, n: '10'}")).isEqualTo("""
        global:
          scrape_interval: 15s
          scrape_timeout: 10s
          evaluation_interval: 1m
          query_log_file: /var/q.log
          external_labels:
            a9: "y"
            a10: x
            "n": "10"
            replica: a
        """);
  }

  @Test
  void aJobShowsEveryDefaultInStructOrder() throws ConfigException {
    assertThat(job()).isEqualTo(JOB_DEFAULTS + HTTP_DEFAULTS);
  }

  @Test
  void zeroOmitEmptyFieldsAreLeftOutButHonorTimestampsAlwaysShows() throws ConfigException {
    assertThat(job("  honor_timestamps: false", "  metrics_path: ''", "  scheme: ''", "  sample_limit: 0"))
        .isEqualTo("  honor_timestamps: false\n  scrape_interval: 1m\n  scrape_timeout: 10s\n" + HTTP_DEFAULTS);
  }

  @Test
  void paramsLimitsAndBodySizeComeBeforeTheHttpClient() throws ConfigException {
    assertThat(job("  honor_labels: true", "  params: {module: [x, '10'], b: []}", "  body_size_limit: 1500B",
        "  sample_limit: 10", "  target_limit: 3", "  label_limit: 5", "  label_name_length_limit: 50",
        "  label_value_length_limit: 60")).isEqualTo("""
          honor_labels: true
          honor_timestamps: true
          params:
            b: []
            module:
            - x
            - "10"
          scrape_interval: 1m
          scrape_timeout: 10s
          metrics_path: /metrics
          scheme: http
          body_size_limit: 1KiB476B
          sample_limit: 10
          target_limit: 3
          label_limit: 5
          label_name_length_limit: 50
          label_value_length_limit: 60
        """ + HTTP_DEFAULTS);
  }

  @Test
  void aBasicAuthPasswordIsASecretAndTheUsernameAlwaysShows() throws ConfigException {
    assertThat(job("  basic_auth: {password: p}")).isEqualTo(JOB_DEFAULTS + """
          basic_auth:
            username: ""
            password: <secret>
        """ + HTTP_DEFAULTS);
  }

  @Test
  void aLegacyBearerTokenShowsAsTheAuthorizationItBecame() throws ConfigException {
    assertThat(job("  bearer_token: t")).isEqualTo(JOB_DEFAULTS + """
          authorization:
            type: Bearer
            credentials: <secret>
        """ + HTTP_DEFAULTS);
    assertThat(job("  bearer_token_file: /t")).contains("  authorization:\n    type: Bearer\n    credentials_file: /t\n");
  }

  @Test
  void anAuthorizationTypeIsTrimmedAndDefaultsToBearer() throws ConfigException {
    assertThat(job("  authorization: {type: ' Token ', credentials_file: /c}"))
        .contains("  authorization:\n    type: Token\n    credentials_file: /c\n");
    assertThat(job("  authorization: {}")).contains("  authorization:\n    type: Bearer\n  follow_redirects");
  }

  @Test
  void tlsVersionsShowAsTheirNumbersAndAZeroTlsConfigIsLeftOut() throws ConfigException {
    assertThat(job("  tls_config: {server_name: s, min_version: TLS12, max_version: TLS13, ca_file: /ca}",
        "  follow_redirects: false", "  enable_http2: false")).isEqualTo(JOB_DEFAULTS + """
          tls_config:
            ca_file: /ca
            server_name: s
            insecure_skip_verify: false
            min_version: 771
            max_version: 772
          follow_redirects: false
          enable_http2: false
        """);
    assertThat(job("  tls_config: {insecure_skip_verify: false}")).isEqualTo(JOB_DEFAULTS + HTTP_DEFAULTS);
  }

  @Test
  void aRelabelRuleShowsItsDefaultsWithSourceLabelsInFlowStyle() throws ConfigException {
    assertThat(job("  relabel_configs: [{source_labels: [__address__, 'true'], regex: '(.*):9100', target_label: host}]",
        "  metric_relabel_configs: [{action: HashMod, modulus: 18446744073709551557, target_label: s}]"))
        .isEqualTo(JOB_DEFAULTS + HTTP_DEFAULTS + """
          relabel_configs:
          - source_labels: [__address__, "true"]
            separator: ;
            regex: (.*):9100
            target_label: host
            replacement: $1
            action: replace
          metric_relabel_configs:
          - separator: ;
            regex: (.*)
            modulus: 18446744073709551557
            target_label: s
            replacement: $1
            action: hashmod
        """);
  }

  @Test
  void anEmptyRegexShowsAsNullAndEmptyStringsAreLeftOut() throws ConfigException {
    assertThat(job("  relabel_configs: [{regex: ~, separator: '', replacement: '', action: keep}]"))
        .endsWith("  relabel_configs:\n  - regex: null\n    action: keep\n");
  }

  @Test
  void discoverySectionsFollowTheRelabelingInNameOrderWithTheirDefaults() throws ConfigException {
    assertThat(job("  static_configs: [{targets: ['h:1'], labels: {env: prod}}, {}]",
        "  file_sd_configs: [{files: [/sd/*.json]}]",
        "  dns_sd_configs: [{names: [db.example], type: A, port: 9100}, {names: [srv.example], refresh_interval: 1m}]"))
        .isEqualTo(JOB_DEFAULTS + HTTP_DEFAULTS + """
          dns_sd_configs:
          - names:
            - db.example
            refresh_interval: 30s
            type: A
            port: 9100
          - names:
            - srv.example
            refresh_interval: 1m
            type: SRV
            port: 0
          file_sd_configs:
          - files:
            - /sd/*.json
            refresh_interval: 5m
          static_configs:
          - targets:
            - h:1
            labels:
              env: prod
          - targets: []
        """);
  }

  @Test
  void relativePathsAreJoinedToTheDirectoryOfTheLoadedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("conf").resolve("prometheus.yml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        global: {query_log_file: q.log}
        rule_files: ['rules/*.yml', '../shared.yml', /abs.yml]
        scrape_configs:
        - job_name: j
          basic_auth: {username: u, password_file: ./pw}
          tls_config: {ca_file: ca.pem, cert_file: /c.pem, key_file: k.pem}
          file_sd_configs: [{files: [sd/*.json]}]
        - job_name: k
          bearer_token_file: tok
        """);
    String conf = file.getParent().toString();
    assertThat(ConfigYaml.render(PrometheusConfig.load(file)))
        .contains("  query_log_file: " + conf + "/q.log\n")
        .contains("rule_files:\n- " + conf + "/rules/*.yml\n- " + dir + "/shared.yml\n- /abs.yml\n")
        .contains("    password_file: " + conf + "/pw\n")
        .contains("    ca_file: " + conf + "/ca.pem\n    cert_file: /c.pem\n    key_file: " + conf + "/k.pem\n")
        .contains("  - files:\n    - " + conf + "/sd/*.json\n")
        .contains("    credentials_file: " + conf + "/tok\n");
  }

  @Test
  void rendersTheExampleAsPrometheusDoes() throws ConfigException {
    assertThat(render("""
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
        """)).isEqualTo("""
        global:
          scrape_interval: 15s
          scrape_timeout: 10s
          evaluation_interval: 1m
          external_labels:
            cluster: eu-1
            replica: a
        scrape_configs:
        - job_name: node
          honor_timestamps: true
          scrape_interval: 15s
          scrape_timeout: 10s
          metrics_path: /metrics
          scheme: http
          follow_redirects: true
          enable_http2: true
          relabel_configs:
          - source_labels: [__address__]
            separator: ;
            regex: (.*):9100
            target_label: host
            replacement: $1
            action: replace
          metric_relabel_configs:
          - source_labels: [__name__]
            separator: ;
            regex: go_.*
            replacement: $1
            action: drop
          static_configs:
          - targets:
            - 127.0.0.1:9100
            labels:
              env: prod
        - job_name: files
          honor_timestamps: true
          scrape_interval: 5s
          scrape_timeout: 5s
          metrics_path: /metrics
          scheme: http
          body_size_limit: 10MiB
          sample_limit: 1000
          basic_auth:
            username: u
            password: <secret>
          follow_redirects: true
          enable_http2: true
          file_sd_configs:
          - files:
            - /tmp/pcfg/*.json
            refresh_interval: 5m
        """);
  }
}
