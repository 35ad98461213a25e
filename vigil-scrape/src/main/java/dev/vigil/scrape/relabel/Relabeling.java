package dev.vigil.scrape.relabel;

import com.google.re2j.Matcher;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.core.labels.RegexTemplate;
import java.util.List;
import java.util.Optional;

/**
 * Applies relabeling rules to a label set, in order, as Prometheus 2.42 does.
 *
 * <p>Labels with an empty value count as absent: reading one gives "", and writing "" removes the
 * label. Labels starting with {@code __} are ordinary labels here; dropping them after target
 * relabeling is the caller's business.
 */
public final class Relabeling {
  private Relabeling() {}

  /** The relabeled labels, or empty when a keep, drop, keepequal or dropequal rule dropped the set. */
  public static Optional<Labels> process(Labels labels, List<RelabelConfig> rules) {
    if (rules.isEmpty()) {
      return Optional.of(labels);
    }
    Labels current = withoutEmptyValues(labels);
    for (RelabelConfig rule : rules) {
      current = apply(current, rule);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** One rule; null when it drops the set. */
  private static Labels apply(Labels in, RelabelConfig rule) {
    String value = sourceValue(in, rule);
    switch (rule.action()) {
      case DROP:
        return rule.regex().matches(value) ? null : in;
      case KEEP:
        return rule.regex().matches(value) ? in : null;
      case DROPEQUAL:
        return in.getOrEmpty(rule.targetLabel()).equals(value) ? null : in;
      case KEEPEQUAL:
        return in.getOrEmpty(rule.targetLabel()).equals(value) ? in : null;
      case REPLACE:
        return replace(in, rule, value);
      case LOWERCASE:
        return in.toBuilder().set(rule.targetLabel(), GoCase.lower(value)).build();
      case UPPERCASE:
        return in.toBuilder().set(rule.targetLabel(), GoCase.upper(value)).build();
      case HASHMOD:
        return in.toBuilder().set(rule.targetLabel(), HashMod.of(value, rule.modulus())).build();
      case LABELMAP:
        return labelMap(in, rule);
      case LABELDROP:
        return keepNames(in, rule, false);
      case LABELKEEP:
        return keepNames(in, rule, true);
      default:
        throw new IllegalStateException("unhandled relabel action " + rule.action());
    }
  }

  private static String sourceValue(Labels in, RelabelConfig rule) {
    List<String> names = rule.sourceLabels();
    if (names.size() == 1) {
      return in.getOrEmpty(names.get(0));
    }
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        joined.append(rule.separator());
      }
      joined.append(in.getOrEmpty(names.get(i)));
    }
    return joined.toString();
  }

  /**
   * Writes the expanded replacement to the expanded target label. Like Prometheus, an expansion that
   * is not a valid name, or an empty replacement, removes the label named by the unexpanded template.
   */
  private static Labels replace(Labels in, RelabelConfig rule, String value) {
    Matcher match = rule.regex().match(value);
    if (match == null) {
      return in;
    }
    var groups = rule.regex().pattern().namedGroups();
    String target = RegexTemplate.expand(rule.targetLabel(), match, groups);
    String replacement = RegexTemplate.expand(rule.replacement(), match, groups);
    LabelsBuilder out = in.toBuilder();
    if (!LabelNames.isValidLabelName(target) || replacement.isEmpty()) {
      return out.remove(rule.targetLabel()).build();
    }
    return out.set(target, replacement).build();
  }

  /** Copies every label whose name matches to the name the replacement builds; later copies win. */
  private static Labels labelMap(Labels in, RelabelConfig rule) {
    LabelsBuilder out = in.toBuilder();
    var groups = rule.regex().pattern().namedGroups();
    for (int i = 0; i < in.size(); i++) {
      Matcher match = rule.regex().match(in.name(i));
      if (match != null) {
        out.set(RegexTemplate.expand(rule.replacement(), match, groups), in.value(i));
      }
    }
    return out.build();
  }

  private static Labels keepNames(Labels in, RelabelConfig rule, boolean keepMatching) {
    LabelsBuilder out = Labels.builder();
    in.forEach((name, value) -> {
      if (rule.regex().matches(name) == keepMatching) {
        out.add(name, value);
      }
    });
    return out.build();
  }

  private static Labels withoutEmptyValues(Labels labels) {
    LabelsBuilder out = Labels.builder();
    labels.forEach((name, value) -> {
      if (!value.isEmpty()) {
        out.add(name, value);
      }
    });
    return out.size() == labels.size() ? labels : out.build();
  }
}
