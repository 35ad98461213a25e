package dev.vigil.scrape.config;

import dev.vigil.core.labels.Labels;
import java.util.List;

/**
 * Targets with labels they share, as a static config or a discovery mechanism gives them.
 *
 * @param targets one label set per target, each with at least {@code __address__}
 * @param source identifies the group within its scrape config
 */
public record TargetGroup(List<Labels> targets, Labels labels, String source) {
  public TargetGroup {
    targets = List.copyOf(targets);
  }
}
