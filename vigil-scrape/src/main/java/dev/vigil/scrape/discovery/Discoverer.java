package dev.vigil.scrape.discovery;

import dev.vigil.scrape.config.TargetGroup;
import java.util.List;
import java.util.function.Consumer;

/**
 * A provider of target groups, as Prometheus's {@code discovery.Discoverer}.
 *
 * <p>Each update carries the groups that may have changed. A group is identified by its
 * {@link TargetGroup#source() source} and replaces the group sent earlier with that source; a group
 * without targets means that its source's targets are gone. The first updates after {@link #start}
 * carry every group the provider knows. A provider does not know whether a group really changed: it
 * may send the same group again.
 *
 * <p>Updates come from the provider's own threads (or, for a provider that never changes, from the
 * thread calling {@code start}), one at a time and never concurrently. After {@link #close} returns, no
 * more updates are sent.
 */
public interface Discoverer extends AutoCloseable {
  /**
   * Starts discovering; returns at once. Called at most once.
   *
   * @param updates receives changed groups; must not block for long and must not throw
   */
  void start(Consumer<List<TargetGroup>> updates);

  /** Stops the provider and its threads and waits for them; idempotent. */
  @Override
  void close();
}
