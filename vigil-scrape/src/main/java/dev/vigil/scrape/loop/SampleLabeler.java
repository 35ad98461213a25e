package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.scrape.relabel.RelabelConfig;
import dev.vigil.scrape.relabel.Relabeling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the labels a target exposes into the labels stored, as Prometheus 2.42's
 * {@code mutateSampleLabels}: the target's labels are added, then metric relabeling runs.
 *
 * <p>When an exposed label has a target label's name, {@code honor_labels: true} keeps the exposed
 * one; otherwise the target's wins and the exposed value moves to {@code exported_<name>} (prefixed
 * again until the name is free among the exposed labels, the target labels and the names already
 * moved, shorter names first). Labels with empty values count as absent.
 */
final class SampleLabeler {
  private static final String EXPORTED_PREFIX = "exported_";

  private final Labels targetLabels;
  private final boolean honorLabels;
  private final List<RelabelConfig> metricRelabelConfigs;

  SampleLabeler(Labels targetLabels, boolean honorLabels, List<RelabelConfig> metricRelabelConfigs) {
    this.targetLabels = targetLabels;
    this.honorLabels = honorLabels;
    this.metricRelabelConfigs = List.copyOf(metricRelabelConfigs);
  }

  /** The labels to store a scraped series under; empty when metric relabeling drops it. */
  Labels sampleLabels(Labels scraped) {
    LabelsBuilder out = Labels.builder();
    scraped.forEach((name, value) -> {
      if (!value.isEmpty()) {
        out.add(name, value);
      }
    });
    if (honorLabels) {
      targetLabels.forEach((name, value) -> {
        if (!scraped.has(name)) {
          out.set(name, value);
        }
      });
    } else {
      List<String[]> conflicting = new ArrayList<>();
      targetLabels.forEach((name, value) -> {
        String exposed = scraped.getOrEmpty(name);
        if (!exposed.isEmpty()) {
          conflicting.add(new String[] {name, exposed});
        }
        out.set(name, value);
      });
      exportConflicting(out, scraped, conflicting);
    }
    return Relabeling.process(out.build(), metricRelabelConfigs).orElse(Labels.EMPTY);
  }

  private void exportConflicting(LabelsBuilder out, Labels scraped, List<String[]> conflicting) {
    conflicting.sort(Comparator.comparingInt(nameAndValue -> nameAndValue[0].length()));
    List<String> taken = new ArrayList<>();
    for (String[] nameAndValue : conflicting) {
      String name = nameAndValue[0];
      do {
        name = EXPORTED_PREFIX + name;
      } while (scraped.has(name) || targetLabels.has(name) || taken.contains(name));
      taken.add(name);
      out.set(name, nameAndValue[1]);
    }
  }

  /**
   * The labels of a report series ({@code up}, {@code scrape_*}): the name plus the target's labels,
   * as 2.42's {@code mutateReportSampleLabels}; metric relabeling does not apply. (2.42 also moves a
   * conflicting name to {@code exported_}, but target labels never include {@code __name__}.)
   */
  Labels reportLabels(String metricName) {
    return targetLabels.toBuilder().set(Labels.METRIC_NAME, metricName).build();
  }
}
