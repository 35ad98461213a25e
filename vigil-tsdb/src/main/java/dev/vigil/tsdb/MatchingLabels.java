package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Utf8Order;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Label names and values among the series a querier's matchers select, sorted as Prometheus sorts. */
final class MatchingLabels {
  private MatchingLabels() {}

  /** The distinct values of {@code name}; {@code forEachMatching} feeds each selected series' labels. */
  static List<String> values(String name, Consumer<Consumer<Labels>> forEachMatching) {
    TreeSet<String> values = new TreeSet<>(Utf8Order::compare);
    forEachMatching.accept(labels -> {
      String v = labels.get(name);
      if (v != null) {
        values.add(v);
      }
    });
    return new ArrayList<>(values);
  }

  /** The distinct label names. */
  static List<String> names(Consumer<Consumer<Labels>> forEachMatching) {
    TreeSet<String> names = new TreeSet<>(Utf8Order::compare);
    forEachMatching.accept(labels -> labels.forEach((n, v) -> names.add(n)));
    return new ArrayList<>(names);
  }
}
