package dev.vigil.scrape.config;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one {@code scrape_configs} entry and checks it as Prometheus 2.42's ScrapeConfig does. The
 * interval and timeout stay 0 when not given; {@link PrometheusConfigReader} fills them from the global section.
 */
final class ScrapeConfigReader {
  private final YamlReader yaml;
  private final HttpClientReader http;
  private final DiscoveryReader discovery;
  private String jobName = "";
  private boolean honorLabels;
  private boolean honorTimestamps = true;
  private final Map<String, List<String>> params = new HashMap<>();
  private long scrapeInterval;
  private long scrapeTimeout;
  private String metricsPath = "/metrics";
  private String scheme = "http";
  private long bodySizeLimit;
  private final long[] limits = new long[5];
  private List<RelabelConfig> relabelConfigs = new ArrayList<>();
  private List<RelabelConfig> metricRelabelConfigs = new ArrayList<>();

  private ScrapeConfigReader(YamlReader yaml) {
    this.yaml = yaml;
    this.http = new HttpClientReader(yaml);
    this.discovery = new DiscoveryReader(yaml);
  }

  /** The scrape config, or null when it had type errors. */
  static ScrapeConfig read(YamlReader yaml, Node node) {
    return new ScrapeConfigReader(yaml).read(node);
  }

  private ScrapeConfig read(Node node) {
    int before = yaml.errorCount();
    yaml.struct(node, "config.ScrapeConfig", fields());
    if (yaml.errorCount() > before) {
      return null;
    }
    int line = YamlReader.line(node);
    List<TargetGroup> staticConfigs = discovery.checkedStaticConfigs(line);
    if (jobName.isEmpty()) {
      throw new InvalidConfig(line, "job_name is empty");
    }
    HttpClientConfig client = http.validate(line);
    if (relabelConfigs.isEmpty()) {
      requireHostnames(staticConfigs, line);
    }
    if (relabelConfigs.contains(null)) {
      throw new InvalidConfig(line, "empty or null target relabeling rule in scrape config");
    }
    if (metricRelabelConfigs.contains(null)) {
      throw new InvalidConfig(line, "empty or null metric relabeling rule in scrape config");
    }
    return new ScrapeConfig(jobName, honorLabels, honorTimestamps, params, scrapeInterval, scrapeTimeout,
        metricsPath, scheme, bodySizeLimit, limits[0], limits[1], limits[2], limits[3], limits[4], client,
        staticConfigs, discovery.fileSdConfigs, discovery.dnsSdConfigs, relabelConfigs, metricRelabelConfigs);
  }

  private Map<String, Consumer<Node>> fields() {
    Map<String, Consumer<Node>> fields = new HashMap<>();
    fields.put("job_name", n -> jobName = yaml.string(n));
    fields.put("honor_labels", n -> honorLabels = yaml.bool(n));
    fields.put("honor_timestamps", n -> honorTimestamps = yaml.bool(n));
    fields.put("params", n -> yaml.map(n, "url.Values", (name, values) -> params.put(name, List.copyOf(yaml.strings(values)))));
    fields.put("scrape_interval", n -> scrapeInterval = yaml.duration(n));
    fields.put("scrape_timeout", n -> scrapeTimeout = yaml.duration(n));
    fields.put("metrics_path", n -> metricsPath = yaml.string(n));
    fields.put("scheme", n -> scheme = yaml.string(n));
    fields.put("body_size_limit", n -> bodySizeLimit = byteSize(n));
    String[] limitNames = {"sample_limit", "target_limit", "label_limit", "label_name_length_limit", "label_value_length_limit"};
    for (int i = 0; i < limitNames.length; i++) {
      int slot = i;
      fields.put(limitNames[i], n -> limits[slot] = yaml.unsigned(n, "uint"));
    }
    fields.put("relabel_configs", n -> relabelConfigs = RelabelConfigReader.readList(yaml, n));
    fields.put("metric_relabel_configs", n -> metricRelabelConfigs = RelabelConfigReader.readList(yaml, n));
    http.addFields(fields);
    discovery.addFields(fields);
    return fields;
  }

  private long byteSize(Node node) {
    if (YamlReader.isNull(node)) {
      return 0;
    }
    int before = yaml.errorCount();
    String text = yaml.string(node);
    if (yaml.errorCount() > before) {
      return 0;
    }
    try {
      return ByteSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfig(YamlReader.line(node), e.getMessage(), e);
    }
  }

  /** Without relabeling to rewrite them, static targets must be host:port, not URLs. */
  private static void requireHostnames(List<TargetGroup> groups, int line) {
    for (TargetGroup group : groups) {
      for (Labels target : group.targets()) {
        String address = target.getOrEmpty("__address__");
        if (address.contains("/")) {
          throw new InvalidConfig(line, GoQuote.quote(address) + " is not a valid hostname");
        }
      }
    }
  }
}
