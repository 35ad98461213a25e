package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ConfigException;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import dev.vigil.scrape.config.TargetLabels;
import java.util.ArrayList;
import java.util.List;

/** Configs, targets and groups for scrape tests, written as prometheus.yml would have them. */
final class ScrapeFixtures {
  private ScrapeFixtures() {}

  /** The job {@code test}, with these lines of its scrape config (indented by two spaces). */
  static ScrapeConfig job(String... lines) {
    return namedJob("test", lines);
  }

  static ScrapeConfig namedJob(String name, String... lines) {
    String yaml = "scrape_configs:\n- job_name: " + name + "\n" + String.join("\n", lines);
    try {
      return PrometheusConfig.parse(yaml, "test.yml").scrapeConfigs().get(0);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static Target target(ScrapeConfig config, String address) {
    return new Target(config.jobName(), TargetLabels.populate(Labels.of("__address__", address), config),
        config.params());
  }

  /** One group of targets at these addresses. */
  static TargetGroup group(String... addresses) {
    List<Labels> targets = new ArrayList<>();
    for (String address : addresses) {
      targets.add(Labels.of("__address__", address));
    }
    return new TargetGroup(targets, Labels.EMPTY, "test");
  }
}
