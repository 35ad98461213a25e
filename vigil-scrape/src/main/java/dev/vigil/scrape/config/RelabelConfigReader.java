package dev.vigil.scrape.config;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.scrape.relabel.RelabelAction;
import dev.vigil.scrape.relabel.RelabelConfig;
import dev.vigil.scrape.relabel.RelabelRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code relabel_configs} and {@code metric_relabel_configs} entries. */
final class RelabelConfigReader {
  private RelabelConfigReader() {}

  /** Reads a list of rules, with null in place of a null entry, which the scrape config refuses later. */
  static List<RelabelConfig> readList(YamlReader yaml, Node node) {
    List<RelabelConfig> rules = new ArrayList<>();
    for (Node item : yaml.sequence(node, "[]*relabel.Config")) {
      rules.add(YamlReader.isNull(item) ? null : read(yaml, item));
    }
    return rules;
  }

  /** One rule, or null when it had type errors. */
  static RelabelConfig read(YamlReader yaml, Node node) {
    int before = yaml.errorCount();
    RelabelConfig.Builder rule = RelabelConfig.builder();
    boolean[] actionNull = {false};
    Map<String, Consumer<Node>> fields = Map.of(
        "source_labels", n -> rule.sourceLabels(labelNames(yaml, n)),
        "separator", n -> rule.separator(yaml.string(n)),
        "regex", n -> rule.regex(regex(yaml, n)),
        "modulus", n -> rule.modulus(yaml.unsigned(n, "uint64")),
        "target_label", n -> rule.targetLabel(yaml.string(n)),
        "replacement", n -> rule.replacement(yaml.string(n)),
        "action", n -> {
          actionNull[0] = YamlReader.isNull(n);
          if (!actionNull[0]) {
            rule.action(action(yaml, n));
          }
        });
    yaml.struct(node, "relabel.plain", fields);
    if (yaml.errorCount() > before) {
      return null;
    }
    if (actionNull[0]) {
      throw new InvalidConfig(YamlReader.line(node), "relabel action cannot be empty");
    }
    try {
      return rule.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidConfig(YamlReader.line(node), e.getMessage(), e);
    }
  }

  static List<String> labelNames(YamlReader yaml, Node node) {
    List<String> names = new ArrayList<>();
    for (Node item : yaml.sequence(node, "model.LabelNames")) {
      names.add(labelName(yaml, item));
    }
    return names;
  }

  /** A label name, refused at once when invalid, as Prometheus's model.LabelName does. */
  static String labelName(YamlReader yaml, Node node) {
    int before = yaml.errorCount();
    String name = yaml.string(node);
    if (yaml.errorCount() == before && !LabelNames.isValidLabelName(name)) {
      throw new InvalidConfig(YamlReader.line(node), GoQuote.quote(name) + " is not a valid label name");
    }
    return name;
  }

  /** A null regex is the empty one, which matches only "". */
  private static RelabelRegex regex(YamlReader yaml, Node node) {
    int before = yaml.errorCount();
    String source = yaml.string(node);
    if (yaml.errorCount() > before) {
      return RelabelRegex.DEFAULT;
    }
    try {
      return RelabelRegex.compile(source);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfig(YamlReader.line(node), e.getMessage(), e);
    }
  }

  private static RelabelAction action(YamlReader yaml, Node node) {
    int before = yaml.errorCount();
    String text = yaml.string(node);
    if (yaml.errorCount() > before) {
      return RelabelAction.REPLACE;
    }
    try {
      return RelabelAction.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfig(YamlReader.line(node), e.getMessage(), e);
    }
  }
}
