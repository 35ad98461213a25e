package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import org.junit.jupiter.api.Test;

class TargetLabelsTest {
  private static ScrapeConfig job(String... lines) throws ConfigException {
    String yaml = "scrape_configs:\n- job_name: node\n" + String.join("\n", lines);
    return PrometheusConfig.parse(yaml, "t.yml").scrapeConfigs().get(0);
  }

  @Test
  void scrapeSettingsBecomeLabelsBeforeRelabelingAndInstanceDefaultsToTheAddress() throws ConfigException {
    TargetLabels target = TargetLabels.populate(Labels.of("__address__", "h:9100", "env", "prod"),
        job("  params: {module: [a, b]}", "  scrape_interval: 15s"));
    assertThat(target.discoveredLabels()).isEqualTo(Labels.of("__address__", "h:9100", "env", "prod", "job", "node",
        "__scheme__", "http", "__metrics_path__", "/metrics", "__scrape_interval__", "15s",
        "__scrape_timeout__", "10s", "__param_module", "a"));
    assertThat(target.publicLabels()).isEqualTo(Labels.of("env", "prod", "job", "node", "instance", "h:9100"));
  }

  @Test
  void anAddressWithoutPortGetsTheSchemesDefaultPort() throws ConfigException {
    assertThat(TargetLabels.populate(Labels.of("__address__", "h"), job("  scheme: https")).labels().get("__address__"))
        .isEqualTo("h:443");
    assertThat(TargetLabels.populate(Labels.of("__address__", "[::1]"), job()).publicLabels().get("instance"))
        .isEqualTo("[::1]:80");
  }

  @Test
  void metaLabelsGoAfterRelabelingButOtherDoubleUnderscoreLabelsStayForTheScrape() throws ConfigException {
    TargetLabels target = TargetLabels.populate(Labels.of("__address__", "h:1", "__meta_x", "m", "__tmp", "t"),
        job("  relabel_configs: [{source_labels: [__meta_x], target_label: x}]"));
    assertThat(target.labels().has("__meta_x")).isFalse();
    assertThat(target.labels().get("__tmp")).isEqualTo("t");
    assertThat(target.publicLabels().get("x")).isEqualTo("m");
  }

  @Test
  void aDroppedTargetKeepsItsDiscoveredLabels() throws ConfigException {
    TargetLabels target = TargetLabels.populate(Labels.of("__address__", "h:1"),
        job("  relabel_configs: [{action: drop, source_labels: [job], regex: node}]"));
    assertThat(target.dropped()).isTrue();
    assertThat(target.discoveredLabels().get("job")).isEqualTo("node");
  }

  @Test
  void unusableTargetsAreRefusedWithPrometheussReasons() throws ConfigException {
    assertThatThrownBy(() -> TargetLabels.populate(Labels.EMPTY, job())).hasMessage("no address");
    assertThatThrownBy(() -> TargetLabels.populate(Labels.of("__address__", "h", "__scheme__", "ftp"), job()))
        .hasMessage("invalid scheme: \"http\"");
    assertThatThrownBy(() -> TargetLabels.populate(Labels.of("__address__", "h:1", "__scrape_timeout__", "2m"), job()))
        .hasMessage("scrape timeout cannot be greater than scrape interval (\"2m\" > \"1m\")");
  }

  @Test
  void aGroupsLabelsFillInWhatItsTargetsLack() {
    TargetGroup group = new TargetGroup(java.util.List.of(Labels.of("__address__", "a", "env", "dev")),
        Labels.of("env", "prod", "team", "x"), "0");
    assertThat(TargetLabels.discovered(group, 0)).isEqualTo(Labels.of("__address__", "a", "env", "dev", "team", "x"));
  }
}
