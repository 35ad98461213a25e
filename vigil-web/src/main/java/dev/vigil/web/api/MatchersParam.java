package dev.vigil.web.api;

import dev.vigil.core.labels.Matcher;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.PromqlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code match[]} parameter: each value a series selector, and each selector must have a matcher
 * that rejects the empty string, or it would select every series there is.
 */
final class MatchersParam {
  static final String NAME = "match[]";

  private MatchersParam() {}

  /**
   * One matcher list per value, in order.
   *
   * @throws IllegalArgumentException with the parser's message or Prometheus's text for a selector
   *     that matches everything
   */
  static List<Matcher[]> parse(List<String> selectors) {
    List<Matcher[]> sets = new ArrayList<>(selectors.size());
    for (String s : selectors) {
      try {
        sets.add(PromqlParser.parseMetricSelector(s).toArray(Matcher[]::new));
      } catch (ParseException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    for (Matcher[] set : sets) {
      if (!hasNonEmptyMatcher(set)) {
        throw new IllegalArgumentException("match[] must contain at least one non-empty matcher");
      }
    }
    return sets;
  }

  private static boolean hasNonEmptyMatcher(Matcher[] set) {
    for (Matcher m : set) {
      if (!m.matchesEmpty()) {
        return true;
      }
    }
    return false;
  }
}
