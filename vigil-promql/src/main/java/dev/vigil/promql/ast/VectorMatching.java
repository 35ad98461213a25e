package dev.vigil.promql.ast;

import java.util.List;

/**
 * How the two sides of a binary operation between vectors are matched: the cardinality, the labels
 * listed in {@code on(...)} (when {@code on} is true) or {@code ignoring(...)}, and the extra labels
 * copied from the "one" side by {@code group_left(...)} / {@code group_right(...)}.
 */
public record VectorMatching(Cardinality cardinality, List<String> matchingLabels, boolean on,
    List<String> include) {

  public enum Cardinality {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY
  }

  public VectorMatching {
    matchingLabels = List.copyOf(matchingLabels);
    include = List.copyOf(include);
  }

  public static VectorMatching oneToOne() {
    return new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
  }
}
