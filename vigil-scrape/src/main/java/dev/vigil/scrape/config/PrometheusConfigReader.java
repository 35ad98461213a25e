package dev.vigil.scrape.config;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the top level of {@code prometheus.yml} and its {@code global} section, then gives each scrape
 * config the global interval and timeout it does not set itself and refuses duplicate job names.
 *
 * <p>The sections Vigil does not act on here ({@code alerting}, {@code remote_write},
 * {@code remote_read}, {@code storage}, {@code tracing}) are accepted without being read.
 */
final class PrometheusConfigReader {
  private static final Pattern RULE_FILE_PATH = Pattern.compile("[^*]*(\\*[^/]*)?");
  private static final List<String> UNREAD_SECTIONS = List.of("alerting", "remote_write", "remote_read", "storage", "tracing");

  private final YamlReader yaml;
  private GlobalConfig global = GlobalConfig.DEFAULT;
  private final List<String> ruleFiles = new ArrayList<>();
  private final List<ScrapeConfig> scrapeConfigs = new ArrayList<>();
  private final List<Node> scrapeNodes = new ArrayList<>();

  PrometheusConfigReader(YamlReader yaml) {
    this.yaml = yaml;
  }

  /** The configuration, or null when there were type errors (see {@link YamlReader#typeErrorReport}). */
  PrometheusConfig read(Node root) {
    if (root == null) {
      return new PrometheusConfig(GlobalConfig.DEFAULT, List.of(), List.of());
    }
    Map<String, Consumer<Node>> fields = new HashMap<>();
    fields.put("global", n -> global = YamlReader.isNull(n) ? GlobalConfig.DEFAULT : global(n));
    fields.put("rule_files", n -> ruleFiles.addAll(yaml.strings(n)));
    fields.put("scrape_configs", n -> yaml.sequence(n, "[]*config.ScrapeConfig").forEach(item -> {
      scrapeNodes.add(item);
      scrapeConfigs.add(YamlReader.isNull(item) ? null : ScrapeConfigReader.read(yaml, item));
    }));
    UNREAD_SECTIONS.forEach(section -> fields.put(section, n -> { }));
    yaml.struct(root, "config.plain", fields);
    if (yaml.errorCount() > 0) {
      return null;
    }
    for (String ruleFile : ruleFiles) {
      if (!RULE_FILE_PATH.matcher(ruleFile).matches()) {
        throw new InvalidConfig(YamlReader.line(root), "invalid rule file path " + GoQuote.quote(ruleFile));
      }
    }
    return new PrometheusConfig(global, ruleFiles, withGlobalTiming());
  }

  private List<ScrapeConfig> withGlobalTiming() {
    List<ScrapeConfig> out = new ArrayList<>();
    Set<String> jobNames = new HashSet<>();
    for (int i = 0; i < scrapeConfigs.size(); i++) {
      ScrapeConfig c = scrapeConfigs.get(i);
      int line = YamlReader.line(scrapeNodes.get(i));
      if (c == null) {
        throw new InvalidConfig(line, "empty or null scrape config section");
      }
      long interval = c.scrapeIntervalMillis() == 0 ? global.scrapeIntervalMillis() : c.scrapeIntervalMillis();
      if (c.scrapeTimeoutMillis() > interval) {
        throw new InvalidConfig(line, "scrape timeout greater than scrape interval for scrape config with job name "
            + GoQuote.quote(c.jobName()));
      }
      long timeout = c.scrapeTimeoutMillis() == 0 ? Math.min(global.scrapeTimeoutMillis(), interval) : c.scrapeTimeoutMillis();
      if (!jobNames.add(c.jobName())) {
        throw new InvalidConfig(line, "found multiple scrape configs with job name " + GoQuote.quote(c.jobName()));
      }
      out.add(new ScrapeConfig(c.jobName(), c.honorLabels(), c.honorTimestamps(), c.params(), interval, timeout,
          c.metricsPath(), c.scheme(), c.bodySizeLimitBytes(), c.sampleLimit(), c.targetLimit(), c.labelLimit(),
          c.labelNameLengthLimit(), c.labelValueLengthLimit(), c.http(), c.staticConfigs(), c.fileSdConfigs(),
          c.dnsSdConfigs(), c.relabelConfigs(), c.metricRelabelConfigs()));
    }
    return out;
  }

  /** The global section: missing durations get defaults, and the timeout never exceeds the interval. */
  private GlobalConfig global(Node node) {
    int before = yaml.errorCount();
    long[] durations = new long[3];
    String[] queryLogFile = {""};
    Map<String, Node> externalLabels = new TreeMap<>();
    yaml.struct(node, "config.plain", Map.of(
        "scrape_interval", n -> durations[0] = yaml.duration(n),
        "scrape_timeout", n -> durations[1] = yaml.duration(n),
        "evaluation_interval", n -> durations[2] = yaml.duration(n),
        "query_log_file", n -> queryLogFile[0] = yaml.string(n),
        "external_labels", n -> yaml.map(n, "map[string]string", externalLabels::put)));
    if (yaml.errorCount() > before) {
      return GlobalConfig.DEFAULT;
    }
    Labels labels = externalLabels(externalLabels);
    int line = YamlReader.line(node);
    long interval = durations[0] == 0 ? GlobalConfig.DEFAULT.scrapeIntervalMillis() : durations[0];
    if (durations[1] > interval) {
      throw new InvalidConfig(line, "global scrape timeout greater than scrape interval");
    }
    long timeout = durations[1] == 0 ? Math.min(GlobalConfig.DEFAULT.scrapeTimeoutMillis(), interval) : durations[1];
    long evaluation = durations[2] == 0 ? GlobalConfig.DEFAULT.evaluationIntervalMillis() : durations[2];
    return new GlobalConfig(interval, timeout, evaluation, queryLogFile[0], labels);
  }

  /** Checks names and values in name order, as Prometheus validates the sorted set. */
  private Labels externalLabels(Map<String, Node> byName) {
    LabelsBuilder labels = Labels.builder();
    byName.forEach((name, valueNode) -> {
      String value = yaml.string(valueNode);
      if (!LabelNames.isValidLabelName(name)) {
        throw new InvalidConfig(YamlReader.line(valueNode), GoQuote.quote(name) + " is not a valid label name");
      }
      if (!LabelNames.isValidLabelValue(value)) {
        throw new InvalidConfig(YamlReader.line(valueNode), GoQuote.quote(value) + " is not a valid label value");
      }
      labels.add(name, value);
    });
    return labels.build();
  }
}
