package dev.vigil.promql.functions;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.RegexTemplate;
import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.PromqlException;
import java.util.List;

/**
 * {@code label_replace} and {@code label_join} on one label set, with Prometheus 2.42's error texts.
 *
 * <p>Prometheus checks the arguments whenever the function is evaluated, even over an empty vector,
 * so the engine calls {@link #compileLabelReplaceRegex} then {@link #checkLabelReplaceDestination}, or
 * {@link #checkLabelJoinNames}, once per evaluation; the per-series methods assume valid arguments.
 * Output label sets that collide are the engine's to reject.
 */
public final class LabelFunctions {
  private LabelFunctions() {}

  /**
   * Compiles a {@code label_replace} regex anchored at both ends.
   *
   * @throws PromqlException naming the regex (Prometheus does not give the parser's reason)
   */
  public static Pattern compileLabelReplaceRegex(String regex) {
    try {
      return Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw new PromqlException(ErrorType.EXECUTION, "invalid regular expression in label_replace(): " + regex, e);
    }
  }

  public static void checkLabelReplaceDestination(String dst) {
    if (!LabelNames.isValidLabelName(dst)) {
      throw new PromqlException(ErrorType.EXECUTION, "invalid destination label name in label_replace(): " + dst);
    }
  }

  /** Checks the source names in order, then the destination, as Prometheus does. */
  public static void checkLabelJoinNames(String dst, List<String> srcs) {
    for (String src : srcs) {
      if (!LabelNames.isValidLabelName(src)) {
        throw new PromqlException(ErrorType.EXECUTION, "invalid source label name in label_join(): " + src);
      }
    }
    if (!LabelNames.isValidLabelName(dst)) {
      throw new PromqlException(ErrorType.EXECUTION, "invalid destination label name in label_join(): " + dst);
    }
  }

  /**
   * When {@code regex} (from {@link #compileLabelReplaceRegex}) matches the value of {@code src} (empty
   * if absent), sets {@code dst} to {@code replacement} expanded with the match's groups, removing it
   * when the expansion is empty; otherwise returns the labels unchanged.
   */
  public static Labels labelReplace(Labels in, String dst, String replacement, String src, Pattern regex) {
    String srcValue = in.getOrEmpty(src);
    Matcher match = regex.matcher(srcValue);
    if (!match.find()) {
      return in;
    }
    String value = RegexTemplate.expand(replacement, match, regex.namedGroups());
    return in.toBuilder().set(dst, value).build();
  }

  /**
   * Sets {@code dst} to the values of {@code srcs} (empty for absent ones) joined by the separator,
   * removing it when the result is empty.
   */
  public static Labels labelJoin(Labels in, String dst, String separator, List<String> srcs) {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < srcs.size(); i++) {
      if (i > 0) {
        joined.append(separator);
      }
      joined.append(in.getOrEmpty(srcs.get(i)));
    }
    return in.toBuilder().set(dst, joined.toString()).build();
  }
}
