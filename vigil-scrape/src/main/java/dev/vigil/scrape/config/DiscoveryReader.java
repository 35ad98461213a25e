package dev.vigil.scrape.config;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the service discovery sections of a scrape config: {@code static_configs},
 * {@code file_sd_configs} and {@code dns_sd_configs}. A null entry is kept as null for the scrape
 * config to refuse once all its fields are read, as Prometheus does.
 */
final class DiscoveryReader {
  /** Go prints the type of a static config's anonymous struct like this in "field not found" errors. */
  static final String STATIC_CONFIG_TYPE =
      "struct { Targets []string \"yaml:\\\"targets\\\"\"; Labels model.LabelSet \"yaml:\\\"labels\\\"\" }";
  private static final Pattern FILE_SD_NAME = Pattern.compile("[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)");

  private final YamlReader yaml;
  final List<TargetGroup> staticConfigs = new ArrayList<>();
  final List<FileSdConfig> fileSdConfigs = new ArrayList<>();
  final List<DnsSdConfig> dnsSdConfigs = new ArrayList<>();

  DiscoveryReader(YamlReader yaml) {
    this.yaml = yaml;
  }

  void addFields(Map<String, Consumer<Node>> fields) {
    fields.put("static_configs", n -> yaml.sequence(n, "[]*targetgroup.Group").forEach(
        item -> staticConfigs.add(YamlReader.isNull(item) ? null : targetGroup(item))));
    fields.put("file_sd_configs", n -> yaml.sequence(n, "[]*file.SDConfig").forEach(
        item -> fileSdConfigs.add(YamlReader.isNull(item) ? null : fileSd(item))));
    fields.put("dns_sd_configs", n -> yaml.sequence(n, "[]*dns.SDConfig").forEach(
        item -> dnsSdConfigs.add(YamlReader.isNull(item) ? null : dnsSd(item))));
  }

  /**
   * Refuses null entries, in Prometheus's order of mechanisms (by name), and numbers the static
   * groups as their sources.
   *
   * @throws InvalidConfig at {@code line} naming the section with a null entry
   */
  List<TargetGroup> checkedStaticConfigs(int line) {
    requireNoNull(dnsSdConfigs, "dns_sd_configs", line);
    requireNoNull(fileSdConfigs, "file_sd_configs", line);
    requireNoNull(staticConfigs, "static_configs", line);
    List<TargetGroup> numbered = new ArrayList<>();
    for (TargetGroup group : staticConfigs) {
      numbered.add(new TargetGroup(group.targets(), group.labels(), Integer.toString(numbered.size())));
    }
    return numbered;
  }

  private static void requireNoNull(List<?> entries, String section, int line) {
    if (entries.contains(null)) {
      throw new InvalidConfig(line, "empty or null section in " + section);
    }
  }

  private TargetGroup targetGroup(Node node) {
    List<Labels> targets = new ArrayList<>();
    Labels[] labels = {Labels.EMPTY};
    yaml.struct(node, STATIC_CONFIG_TYPE, Map.of(
        "targets", n -> yaml.strings(n).forEach(address -> targets.add(Labels.of("__address__", address))),
        "labels", n -> labels[0] = labelSet(n)));
    return new TargetGroup(targets, labels[0], "");
  }

  /** A model.LabelSet: names are checked at once; values may be empty. */
  private Labels labelSet(Node node) {
    LabelsBuilder labels = Labels.builder();
    yaml.map(node, "model.LabelSet", (name, value) -> {
      if (!LabelNames.isValidLabelName(name)) {
        throw new InvalidConfig(YamlReader.line(value), GoQuote.quote(name) + " is not a valid label name");
      }
      labels.add(name, yaml.string(value));
    });
    return labels.build();
  }

  private FileSdConfig fileSd(Node node) {
    int before = yaml.errorCount();
    List<String> files = new ArrayList<>();
    long[] refresh = {FileSdConfig.DEFAULT_REFRESH_MILLIS};
    yaml.struct(node, "file.plain", Map.of(
        "files", n -> files.addAll(yaml.strings(n)),
        "refresh_interval", n -> refresh[0] = yaml.duration(n)));
    if (yaml.errorCount() > before) {
      return new FileSdConfig(files, refresh[0]);
    }
    int line = YamlReader.line(node);
    if (files.isEmpty()) {
      throw new InvalidConfig(line, "file service discovery config must contain at least one path name");
    }
    for (String file : files) {
      if (!FILE_SD_NAME.matcher(file).matches()) {
        throw new InvalidConfig(line, "path name " + GoQuote.quote(file) + " is not valid for file discovery");
      }
    }
    return new FileSdConfig(files, refresh[0]);
  }

  private DnsSdConfig dnsSd(Node node) {
    int before = yaml.errorCount();
    List<String> names = new ArrayList<>();
    long[] refresh = {DnsSdConfig.DEFAULT_REFRESH_MILLIS};
    String[] type = {"SRV"};
    long[] port = {0};
    yaml.struct(node, "dns.plain", Map.of(
        "names", n -> names.addAll(yaml.strings(n)),
        "refresh_interval", n -> refresh[0] = yaml.duration(n),
        "type", n -> type[0] = yaml.string(n),
        "port", n -> port[0] = yaml.signed(n, "int")));
    DnsSdConfig config = new DnsSdConfig(names, refresh[0], type[0], (int) port[0]);
    if (yaml.errorCount() > before) {
      return config;
    }
    int line = YamlReader.line(node);
    if (names.isEmpty()) {
      throw new InvalidConfig(line, "DNS-SD config must contain at least one SRV record name");
    }
    switch (type[0].toUpperCase(Locale.ROOT)) {
      case "SRV":
        return config;
      case "A":
      case "AAAA":
      case "MX":
        if (port[0] == 0) {
          throw new InvalidConfig(line, "a port is required in DNS-SD configs for all record types except SRV");
        }
        return config;
      default:
        throw new InvalidConfig(line, "invalid DNS-SD records type " + type[0]);
    }
  }
}
