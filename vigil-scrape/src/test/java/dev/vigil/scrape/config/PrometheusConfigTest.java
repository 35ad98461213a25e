package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.relabel.RelabelAction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusConfigTest {
  private static PrometheusConfig parse(String... lines) throws ConfigException {
    return PrometheusConfig.parse(String.join("\n", lines), "prometheus.yml");
  }

  private static ConfigException refusal(String... lines) {
    try {
      parse(lines);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("accepted: " + String.join("\n", lines));
  }

  @Test
  void anEmptyFileHasTheDefaults() throws ConfigException {
    PrometheusConfig config = parse("");
    assertThat(config.global()).isEqualTo(GlobalConfig.DEFAULT);
    assertThat(config.scrapeConfigs()).isEmpty();
  }

  @Test
  void aScrapeConfigHasPrometheussDefaultsAndTheGlobalTiming() throws ConfigException {
    ScrapeConfig job = parse("global:", "  scrape_interval: 15s", "scrape_configs:", "- job_name: node").scrapeConfigs().get(0);
    assertThat(job.scrapeIntervalMillis()).isEqualTo(15_000);
    assertThat(job.scrapeTimeoutMillis()).isEqualTo(10_000);
    assertThat(job.metricsPath()).isEqualTo("/metrics");
    assertThat(job.scheme()).isEqualTo("http");
    assertThat(job.honorTimestamps()).isTrue();
    assertThat(job.honorLabels()).isFalse();
    assertThat(job.http()).isEqualTo(HttpClientConfig.DEFAULT);
  }

  @Test
  void theInheritedTimeoutShrinksToAShortInterval() throws ConfigException {
    ScrapeConfig job = parse("scrape_configs:", "- job_name: fast", "  scrape_interval: 5s").scrapeConfigs().get(0);
    assertThat(job.scrapeTimeoutMillis()).isEqualTo(5_000);
    GlobalConfig global = parse("global:", "  scrape_interval: 2s").global();
    assertThat(global.scrapeTimeoutMillis()).isEqualTo(2_000);
    assertThat(global.evaluationIntervalMillis()).isEqualTo(60_000);
  }

  @Test
  void everyScrapeFieldIsRead() throws ConfigException {
    ScrapeConfig job = parse(
        "global:",
        "  external_labels: {cluster: a, stage: prod}",
        "scrape_configs:",
        "- job_name: full",
        "  honor_labels: yes",
        "  honor_timestamps: false",
        "  scheme: https",
        "  metrics_path: /m",
        "  params: {module: [http_2xx, x]}",
        "  scrape_interval: 1m",
        "  scrape_timeout: 30s",
        "  sample_limit: 10",
        "  label_limit: 11",
        "  label_name_length_limit: 12",
        "  label_value_length_limit: 13",
        "  target_limit: 14",
        "  body_size_limit: 10MB",
        "  follow_redirects: false",
        "  basic_auth: {username: u, password_file: /p}",
        "  tls_config: {ca_file: ca, cert_file: c, key_file: k, server_name: s, insecure_skip_verify: true, min_version: TLS12}",
        "  static_configs:",
        "  - targets: ['a:1', 'b:2']",
        "    labels: {env: prod}",
        "  file_sd_configs: [{files: [targets/*.json], refresh_interval: 1m}]",
        "  dns_sd_configs: [{names: [db.example], type: A, port: 9100}]",
        "  relabel_configs: [{source_labels: [env], target_label: e}]",
        "  metric_relabel_configs: [{action: labeldrop, regex: tmp_.*}]").scrapeConfigs().get(0);
    assertThat(job.honorLabels()).isTrue();
    assertThat(job.honorTimestamps()).isFalse();
    assertThat(job.params()).containsEntry("module", List.of("http_2xx", "x"));
    assertThat(List.of(job.sampleLimit(), job.labelLimit(), job.labelNameLengthLimit(), job.labelValueLengthLimit(),
        job.targetLimit())).containsExactly(10L, 11L, 12L, 13L, 14L);
    assertThat(job.bodySizeLimitBytes()).isEqualTo(10L << 20);
    assertThat(job.http()).isEqualTo(new HttpClientConfig(new BasicAuth("u", "", "/p"), null,
        new TlsConfig("ca", "c", "k", "s", true, "TLS12", ""), false, true));
    assertThat(job.staticConfigs()).containsExactly(new TargetGroup(
        List.of(Labels.of("__address__", "a:1"), Labels.of("__address__", "b:2")), Labels.of("env", "prod"), "0"));
    assertThat(job.fileSdConfigs()).containsExactly(new FileSdConfig(List.of("targets/*.json"), 60_000));
    assertThat(job.dnsSdConfigs()).containsExactly(new DnsSdConfig(List.of("db.example"), 30_000, "A", 9100));
    assertThat(job.relabelConfigs().get(0).targetLabel()).isEqualTo("e");
    assertThat(job.metricRelabelConfigs().get(0).action()).isEqualTo(RelabelAction.LABELDROP);
  }

  @Test
  void aBearerTokenBecomesABearerAuthorization() throws ConfigException {
    ScrapeConfig job = parse("scrape_configs:", "- job_name: a", "  bearer_token_file: /t").scrapeConfigs().get(0);
    assertThat(job.http().authorization()).isEqualTo(new Authorization("Bearer", "", "/t"));
    ScrapeConfig typed = parse("scrape_configs:", "- job_name: a", "  authorization: {credentials: s}").scrapeConfigs().get(0);
    assertThat(typed.http().authorization()).isEqualTo(new Authorization("Bearer", "s", ""));
  }

  @Test
  void unknownFieldsAreListedWithTheirLinesAndGoTypes() {
    ConfigException e = refusal("global:", "  foo: 1", "scrape_configs:", "- job_name: a", "  bar: 2",
        "  static_configs:", "  - targets: [x]", "    baz: 1");
    assertThat(e.getMessage()).isEqualTo("parsing YAML file prometheus.yml: yaml: unmarshal errors:\n"
        + "  line 2: field foo not found in type config.plain\n"
        + "  line 5: field bar not found in type config.ScrapeConfig\n"
        + "  line 8: field baz not found in type " + DiscoveryReader.STATIC_CONFIG_TYPE);
  }

  @Test
  void typeMismatchesAreListedTogether() {
    assertThat(refusal("scrape_configs:", "- job_name: a", "  honor_labels: \"true\"", "  sample_limit: abcdefghijklmn",
        "  relabel_configs: [{action: hashmod, modulus: -3, target_label: x}]").reason())
        .isEqualTo("yaml: unmarshal errors:\n  line 3: cannot unmarshal !!str `true` into bool\n"
            + "  line 4: cannot unmarshal !!str `abcdefg...` into uint\n"
            + "  line 5: cannot unmarshal !!int `-3` into uint64");
    assertThat(refusal("global: 5", "scrape_configs: 7").reason()).isEqualTo("yaml: unmarshal errors:\n"
        + "  line 1: cannot unmarshal !!int `5` into config.plain\n"
        + "  line 2: cannot unmarshal !!int `7` into []*config.ScrapeConfig");
  }

  @Test
  void repeatedKeysAreErrors() {
    assertThat(refusal("scrape_configs:", "- job_name: a", "  job_name: b").reason())
        .isEqualTo("yaml: unmarshal errors:\n  line 3: field job_name already set in type config.ScrapeConfig");
    assertThat(refusal("scrape_configs:", "- job_name: a", "  static_configs:", "  - targets: [x]", "    labels: {a: b, a: c}").reason())
        .isEqualTo("yaml: unmarshal errors:\n  line 5: key \"a\" already set in map");
  }

  @Test
  void validationErrorsCarryTheLineOfTheirSection() {
    ConfigException e = refusal("scrape_configs:", "- job_name: a", "- job_name: a");
    assertThat(e.reason()).isEqualTo("found multiple scrape configs with job name \"a\"");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).isEqualTo("parsing YAML file prometheus.yml: line 3: found multiple scrape configs with job name \"a\"");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      global: {scrape_interval: 30}                                          | not a valid duration string: "30"
      global: {scrape_interval: 10s, scrape_timeout: 20s}                    | global scrape timeout greater than scrape interval
      global: {external_labels: {a-b: c}}                                    | "a-b" is not a valid label name
      rule_files: ['a/**/b']                                                 | invalid rule file path "a/**/b"
      scrape_configs: [~]                                                    | empty or null scrape config section
      scrape_configs: [{job_name: ''}]                                       | job_name is empty
      scrape_configs: [{job_name: a, scrape_interval: 5s, scrape_timeout: 10s}] | scrape timeout greater than scrape interval for scrape config with job name "a"
      scrape_configs: [{job_name: a, body_size_limit: 1000}]                 | units: unknown unit  in 1000
      scrape_configs: [{job_name: a, static_configs: [~]}]                   | empty or null section in static_configs
      scrape_configs: [{job_name: a, file_sd_configs: [~]}]                  | empty or null section in file_sd_configs
      scrape_configs: [{job_name: a, static_configs: [{targets: ['http://x:80']}]}] | "http://x:80" is not a valid hostname
      scrape_configs: [{job_name: a, static_configs: [{targets: [x], labels: {a-b: c}}]}] | "a-b" is not a valid label name
      scrape_configs: [{job_name: a, relabel_configs: [~]}]                  | empty or null target relabeling rule in scrape config
      scrape_configs: [{job_name: a, metric_relabel_configs: [~]}]           | empty or null metric relabeling rule in scrape config
      scrape_configs: [{job_name: a, relabel_configs: [{action: ~}]}]        | relabel action cannot be empty
      scrape_configs: [{job_name: a, relabel_configs: [{action: explode}]}]  | unknown relabel action "explode"
      scrape_configs: [{job_name: a, relabel_configs: [{regex: '(abc'}]}]    | error parsing regexp: missing closing ): `^(?:(abc)$`
      scrape_configs: [{job_name: a, relabel_configs: [{source_labels: [a-b]}]}] | "a-b" is not a valid label name
      scrape_configs: [{job_name: a, relabel_configs: [{action: hashmod, target_label: x}]}] | relabel configuration for hashmod requires non-zero modulus
      scrape_configs: [{job_name: a, relabel_configs: [{action: keepequal, source_labels: [a], target_label: b, regex: (.*)}]}] | keepequal action requires only 'source_labels' and `target_label`, and no other fields
      scrape_configs: [{job_name: a, tls_config: {min_version: TLS14}}]      | unknown TLS version: TLS14
      scrape_configs: [{job_name: a, bearer_token: t, bearer_token_file: f}] | at most one of bearer_token & bearer_token_file must be configured
      scrape_configs: [{job_name: a, basic_auth: {username: u}, bearer_token: t}] | at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured
      scrape_configs: [{job_name: a, basic_auth: {password: p, password_file: f}}] | at most one of basic_auth password & password_file must be configured
      scrape_configs: [{job_name: a, authorization: {credentials: c}, bearer_token: t}] | authorization is not compatible with bearer_token & bearer_token_file
      scrape_configs: [{job_name: a, authorization: {credentials: c, credentials_file: f}}] | at most one of authorization credentials & credentials_file must be configured
      scrape_configs: [{job_name: a, authorization: {type: Basic}}]          | authorization type cannot be set to "basic", use "basic_auth" instead
      scrape_configs: [{job_name: a, authorization: {}, basic_auth: {}}]     | at most one of basic_auth, oauth2 & authorization must be configured
      scrape_configs: [{job_name: a, file_sd_configs: [{}]}]                 | file service discovery config must contain at least one path name
      scrape_configs: [{job_name: a, file_sd_configs: [{files: [x.txt]}]}]   | path name "x.txt" is not valid for file discovery
      scrape_configs: [{job_name: a, dns_sd_configs: [{}]}]                  | DNS-SD config must contain at least one SRV record name
      scrape_configs: [{job_name: a, dns_sd_configs: [{names: [x], type: A}]}] | a port is required in DNS-SD configs for all record types except SRV
      scrape_configs: [{job_name: a, dns_sd_configs: [{names: [x], type: TXT}]}] | invalid DNS-SD records type TXT
      """)
  void everyPrometheusCheckIsMade(String yaml, String reason) {
    assertThat(refusal(yaml).reason()).isEqualTo(reason);
  }

  @Test
  void syntaxErrorsNameTheirLine() {
    ConfigException e = refusal("scrape_configs:", "- job_name: a", "  x: [unclosed");
    assertThat(e.line()).isPositive();
    assertThat(e.reason()).startsWith("yaml: ");
  }
}
