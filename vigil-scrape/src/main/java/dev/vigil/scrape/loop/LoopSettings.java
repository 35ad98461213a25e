package dev.vigil.scrape.loop;

import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.relabel.RelabelConfig;
import java.util.List;

/**
 * How one loop scrapes and appends: its target's interval and timeout (from the target's labels,
 * which relabeling may have changed) and its scrape config's label and sample rules.
 */
record LoopSettings(
    long intervalMillis,
    long timeoutMillis,
    boolean honorLabels,
    boolean honorTimestamps,
    long sampleLimit,
    LabelLimits labelLimits,
    List<RelabelConfig> metricRelabelConfigs) {

  LoopSettings {
    metricRelabelConfigs = List.copyOf(metricRelabelConfigs);
  }

  static LoopSettings of(ScrapeConfig config, Target target) {
    return new LoopSettings(target.intervalMillis(), target.timeoutMillis(), config.honorLabels(),
        config.honorTimestamps(), config.sampleLimit(), LabelLimits.of(config), config.metricRelabelConfigs());
  }
}
