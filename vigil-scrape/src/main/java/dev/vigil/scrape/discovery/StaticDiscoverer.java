package dev.vigil.scrape.discovery;

import dev.vigil.scrape.config.TargetGroup;
import java.util.List;
import java.util.function.Consumer;

/**
 * The provider of a job's {@code static_configs}: it sends its groups once, when started, as
 * Prometheus's {@code staticDiscoverer}. The config reader numbers the groups "0", "1", ... in the
 * order written, as Prometheus's {@code readConfigs} does; they are sent as given.
 */
public final class StaticDiscoverer implements Discoverer {
  private final List<TargetGroup> groups;

  public StaticDiscoverer(List<TargetGroup> groups) {
    this.groups = List.copyOf(groups);
  }

  /** Sends the groups from the calling thread, then has nothing more to say. */
  @Override
  public void start(Consumer<List<TargetGroup>> updates) {
    updates.accept(groups);
  }

  @Override
  public void close() {}
}
