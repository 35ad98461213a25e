package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import java.util.List;

/** The label-set manipulations operators and functions share. */
final class LabelOps {
  private LabelOps() {}

  static Labels dropName(Labels labels) {
    return labels.has(Labels.METRIC_NAME) ? labels.toBuilder().remove(Labels.METRIC_NAME).build() : labels;
  }

  /** Only the named labels (absent ones stay absent). */
  static Labels keep(Labels labels, List<String> names) {
    LabelsBuilder b = Labels.builder();
    for (String name : names) {
      String v = labels.get(name);
      if (v != null && !v.isEmpty()) {
        b.set(name, v);
      }
    }
    return b.build();
  }

  /** All labels but the named ones and, with {@code alsoName}, the metric name. */
  static Labels without(Labels labels, List<String> names, boolean alsoName) {
    LabelsBuilder b = labels.toBuilder();
    for (String name : names) {
      b.remove(name);
    }
    if (alsoName) {
      b.remove(Labels.METRIC_NAME);
    }
    return b.build();
  }
}
