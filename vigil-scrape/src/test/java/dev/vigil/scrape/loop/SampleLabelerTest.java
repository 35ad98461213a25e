package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ScrapeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleLabelerTest {
  private static final Labels TARGET = Labels.of("instance", "h:9100", "job", "node");

  private static SampleLabeler labeler(boolean honorLabels) {
    return new SampleLabeler(TARGET, honorLabels, List.of());
  }

  @Test
  void targetLabelsAreAddedToEverySeries() {
    assertThat(labeler(false).sampleLabels(Labels.of("__name__", "a", "x", "1")))
        .isEqualTo(Labels.of("__name__", "a", "x", "1", "instance", "h:9100", "job", "node"));
  }

  @Test
  void withoutHonorLabelsAConflictingExposedLabelMovesToExported() {
    assertThat(labeler(false).sampleLabels(Labels.of("__name__", "a", "job", "app")))
        .isEqualTo(Labels.of("__name__", "a", "exported_job", "app", "instance", "h:9100", "job", "node"));
  }

  @Test
  void anExportedNameAlreadyTakenGetsPrefixedAgain() {
    assertThat(labeler(false).sampleLabels(Labels.of("__name__", "a", "job", "app", "exported_job", "old")))
        .isEqualTo(Labels.of("__name__", "a", "exported_job", "old", "exported_exported_job", "app",
            "instance", "h:9100", "job", "node"));
  }

  @Test
  void withHonorLabelsTheExposedLabelWins() {
    assertThat(labeler(true).sampleLabels(Labels.of("__name__", "a", "job", "app")))
        .isEqualTo(Labels.of("__name__", "a", "instance", "h:9100", "job", "app"));
  }

  @Test
  void anExposedLabelWithAnEmptyValueCountsAsAbsent() {
    assertThat(labeler(false).sampleLabels(Labels.of("__name__", "a", "job", "", "x", "")))
        .isEqualTo(Labels.of("__name__", "a", "instance", "h:9100", "job", "node"));
  }

  @Test
  void withHonorLabelsAnEmptyExposedLabelStillKeepsTheTargetLabelOut() {
    assertThat(labeler(true).sampleLabels(Labels.of("__name__", "a", "job", "")))
        .isEqualTo(Labels.of("__name__", "a", "instance", "h:9100"));
  }

  @Test
  void metricRelabelingSeesTheTargetLabelsAndCanDropTheSeries() {
    ScrapeConfig config = ScrapeFixtures.job("  metric_relabel_configs: [{source_labels: [job], regex: node, action: drop}]");
    SampleLabeler labeler = new SampleLabeler(TARGET, false, config.metricRelabelConfigs());

    assertThat(labeler.sampleLabels(Labels.of("__name__", "a"))).isEqualTo(Labels.EMPTY);
  }

  @Test
  void reportSeriesGetTheTargetLabels() {
    assertThat(labeler(false).reportLabels("up")).isEqualTo(Labels.of("__name__", "up", "instance", "h:9100", "job", "node"));
  }
}
