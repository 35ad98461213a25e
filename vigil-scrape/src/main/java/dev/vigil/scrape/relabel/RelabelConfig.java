package dev.vigil.scrape.relabel;

import com.google.re2j.Pattern;
import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One relabeling rule, checked on construction with Prometheus 2.42's rules and messages.
 *
 * @param sourceLabels labels whose values are joined with {@code separator} into the input value
 * @param regex matched against the input value (or, for the label* actions, against label names)
 * @param modulus for hashmod, an unsigned 64-bit number
 * @param targetLabel the label written; for replace it is a template expanded like the replacement
 * @param replacement the template written to the target label ({@code $1}, {@code ${name}}, {@code $$})
 */
public record RelabelConfig(
    List<String> sourceLabels,
    String separator,
    RelabelRegex regex,
    long modulus,
    String targetLabel,
    String replacement,
    RelabelAction action) {

  public static final String DEFAULT_SEPARATOR = ";";
  public static final String DEFAULT_REPLACEMENT = "$1";

  /** A target label or labelmap replacement must build a label name: name characters and group references. */
  private static final Pattern TEMPLATE_OF_NAME = Pattern.compile("^(?:(?:[a-zA-Z_]|\\$(?:\\{\\w+\\}|\\w+))+\\w*)+$");
  private static final Set<RelabelAction> NEED_TARGET = EnumSet.of(RelabelAction.REPLACE, RelabelAction.HASHMOD,
      RelabelAction.LOWERCASE, RelabelAction.UPPERCASE, RelabelAction.KEEPEQUAL, RelabelAction.DROPEQUAL);
  private static final Set<RelabelAction> TARGET_IS_TEMPLATE = EnumSet.of(RelabelAction.REPLACE,
      RelabelAction.LOWERCASE, RelabelAction.UPPERCASE, RelabelAction.KEEPEQUAL, RelabelAction.DROPEQUAL);
  private static final Set<RelabelAction> NO_REPLACEMENT = EnumSet.of(RelabelAction.LOWERCASE,
      RelabelAction.UPPERCASE, RelabelAction.KEEPEQUAL, RelabelAction.DROPEQUAL);

  /** @throws IllegalArgumentException with Prometheus's message when the rule is not allowed */
  public RelabelConfig {
    sourceLabels = List.copyOf(sourceLabels);
    String act = action.configName();
    if (modulus == 0 && action == RelabelAction.HASHMOD) {
      throw new IllegalArgumentException("relabel configuration for hashmod requires non-zero modulus");
    }
    if (NEED_TARGET.contains(action) && targetLabel.isEmpty()) {
      throw new IllegalArgumentException("relabel configuration for " + act + " action requires 'target_label' value");
    }
    if (TARGET_IS_TEMPLATE.contains(action) && !TEMPLATE_OF_NAME.matches(targetLabel)) {
      throw new IllegalArgumentException(GoQuote.quote(targetLabel) + " is invalid 'target_label' for " + act + " action");
    }
    if (NO_REPLACEMENT.contains(action) && !replacement.equals(DEFAULT_REPLACEMENT)) {
      throw new IllegalArgumentException("'replacement' can not be set for " + act + " action");
    }
    if (action == RelabelAction.LABELMAP && !TEMPLATE_OF_NAME.matches(replacement)) {
      throw new IllegalArgumentException(GoQuote.quote(replacement) + " is invalid 'replacement' for " + act + " action");
    }
    if (action == RelabelAction.HASHMOD && !LabelNames.isValidLabelName(targetLabel)) {
      throw new IllegalArgumentException(GoQuote.quote(targetLabel) + " is invalid 'target_label' for " + act + " action");
    }
    boolean otherFieldsDefault = modulus == 0 && separator.equals(DEFAULT_SEPARATOR) && replacement.equals(DEFAULT_REPLACEMENT);
    // Any written regex counts as set, even "(.*)": hence the identity comparison.
    if ((action == RelabelAction.KEEPEQUAL || action == RelabelAction.DROPEQUAL)
        && (regex != RelabelRegex.DEFAULT || !otherFieldsDefault)) {
      throw new IllegalArgumentException(act + " action requires only 'source_labels' and `target_label`, and no other fields");
    }
    if ((action == RelabelAction.LABELDROP || action == RelabelAction.LABELKEEP)
        && (!sourceLabels.isEmpty() || !targetLabel.isEmpty() || !otherFieldsDefault)) {
      throw new IllegalArgumentException(act + " action requires only 'regex', and no other fields");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts from Prometheus's defaults: separator ";", regex "(.*)", replacement "$1", action replace. */
  public static final class Builder {
    private List<String> sourceLabels = List.of();
    private String separator = DEFAULT_SEPARATOR;
    private RelabelRegex regex = RelabelRegex.DEFAULT;
    private long modulus;
    private String targetLabel = "";
    private String replacement = DEFAULT_REPLACEMENT;
    private RelabelAction action = RelabelAction.REPLACE;

    public Builder sourceLabels(String... names) {
      return sourceLabels(List.of(names));
    }

    public Builder sourceLabels(List<String> names) {
      this.sourceLabels = names;
      return this;
    }

    public Builder separator(String separator) {
      this.separator = separator;
      return this;
    }

    public Builder regex(String regex) {
      return regex(RelabelRegex.compile(regex));
    }

    public Builder regex(RelabelRegex regex) {
      this.regex = regex;
      return this;
    }

    /** The modulus as an unsigned 64-bit value. */
    public Builder modulus(long modulus) {
      this.modulus = modulus;
      return this;
    }

    public Builder targetLabel(String targetLabel) {
      this.targetLabel = targetLabel;
      return this;
    }

    public Builder replacement(String replacement) {
      this.replacement = replacement;
      return this;
    }

    public Builder action(RelabelAction action) {
      this.action = action;
      return this;
    }

    /** @throws IllegalArgumentException when the rule is not allowed */
    public RelabelConfig build() {
      return new RelabelConfig(sourceLabels, separator, regex, modulus, targetLabel, replacement, action);
    }
  }
}
