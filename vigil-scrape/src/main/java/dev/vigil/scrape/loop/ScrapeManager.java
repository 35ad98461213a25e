package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appendable;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes every job of the configuration into one storage, as Prometheus 2.42's scrape {@code Manager}:
 * one pool per job, made when discovery first reports target groups for it.
 *
 * <p>{@link #applyConfig} replaces the jobs: pools of removed jobs stop (writing no staleness
 * markers), pools whose config changed reload, and new jobs get a pool at the next
 * {@link #updateTargets}. A job whose scraper factory cannot be made is left out (or keeps its old
 * config), logged and counted, and does not hold up the others.
 *
 * <p>Thread-safe. Changes are serialised; the target listings never wait for a sync in progress.
 */
public final class ScrapeManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScrapeManager.class);

  private final Appendable storage;
  private final String fqdn;
  private final Clock clock;
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeScheduler scheduler = new ScrapeScheduler();
  private Map<String, ScrapeConfig> configs = Map.of();
  /** Set with the configs; no pool is made before (there is no config to make it from). */
  private Function<ScrapeConfig, ScraperFactory> factories;
  private long jitterSeed;
  private boolean closed;
  /** Replaced whole under the manager's lock, so readers take it without locking. */
  private volatile Map<String, ScrapePool> pools = Map.of();

  /**
   * @param storage where every scraped sample goes
   * @param fqdn this host's fully qualified name, part of the jitter seed (see {@link JitterSeed})
   */
  public ScrapeManager(Appendable storage, String fqdn) {
    this(storage, fqdn, Clock.systemUTC());
  }

  ScrapeManager(Appendable storage, String fqdn, Clock clock) {
    this.storage = storage;
    this.fqdn = fqdn;
    this.clock = clock;
  }

  /**
   * Makes {@code scrapeConfigs} the jobs to scrape.
   *
   * @param externalLabels the global external labels, which with the host name seed the scrape offsets
   *     of pools made from now on
   * @param factories makes the scraper factory of a job; it may throw a {@link RuntimeException} (a bad
   *     TLS file, say), which leaves that job out or on its previous config
   * @throws ScrapeReloadException when some changed jobs could not be reloaded; all others were applied
   */
  public synchronized void applyConfig(List<ScrapeConfig> scrapeConfigs, Labels externalLabels,
      Function<ScrapeConfig, ScraperFactory> factories) throws ScrapeReloadException {
    requireOpen();
    Map<String, ScrapeConfig> byJob = new LinkedHashMap<>();
    scrapeConfigs.forEach(config -> byJob.put(config.jobName(), config));
    this.configs = byJob;
    this.factories = factories;
    this.jitterSeed = JitterSeed.of(fqdn, externalLabels);
    Map<String, String> failures = new TreeMap<>();
    Map<String, ScrapePool> kept = new LinkedHashMap<>(pools);
    pools.forEach((job, pool) -> {
      ScrapeConfig config = byJob.get(job);
      if (config == null) {
        pool.stop();
        kept.remove(job);
      } else if (!config.equals(pool.config())) {
        metrics.poolReloaded();
        try {
          pool.reload(config, factories.apply(config));
        } catch (RuntimeException e) {
          metrics.poolReloadFailed();
          String reason = "error creating HTTP client: " + e.getMessage();
          LOG.error("error reloading scrape pool scrape_pool={} err=\"{}\"", job, reason);
          failures.put(job, reason);
        }
      }
    });
    pools = Collections.unmodifiableMap(kept);
    if (!failures.isEmpty()) {
      throw new ScrapeReloadException(failures);
    }
  }

  /**
   * Scrapes the targets discovery found: per job name, all its target groups. Jobs absent from the map
   * keep their targets; names that are no configured job are logged and ignored. Pools sync in
   * parallel; returns once they all did.
   */
  public synchronized void updateTargets(Map<String, List<TargetGroup>> targetSets) {
    requireOpen();
    Map<String, ScrapePool> current = new LinkedHashMap<>(pools);
    List<CompletableFuture<Void>> syncs = new ArrayList<>();
    targetSets.forEach((job, groups) -> {
      ScrapePool pool = current.get(job);
      if (pool == null) {
        pool = newPool(job);
        if (pool == null) {
          return;
        }
        current.put(job, pool);
      }
      ScrapePool syncing = pool;
      syncs.add(CompletableFuture.runAsync(() -> syncing.sync(groups), scheduler.workers()));
    });
    pools = Collections.unmodifiableMap(current);
    CompletableFuture.allOf(syncs.toArray(new CompletableFuture<?>[0])).join();
  }

  private ScrapePool newPool(String job) {
    ScrapeConfig config = configs.get(job);
    if (config == null) {
      LOG.error("error reloading target set err=\"invalid config id:{}\"", job);
      return null;
    }
    metrics.poolCreated();
    try {
      return new ScrapePool(config, factories.apply(config),
          new LoopServices(storage, scheduler, clock, jitterSeed, metrics));
    } catch (RuntimeException e) {
      metrics.poolFailed();
      LOG.error("error creating new scrape pool scrape_pool={} err=\"error creating HTTP client: {}\"", job,
          e.getMessage());
      return null;
    }
  }

  /** The targets being scraped, per job, jobs in name order. */
  public Map<String, List<TargetSnapshot>> activeTargets() {
    Map<String, List<TargetSnapshot>> targets = new TreeMap<>();
    pools.forEach((job, pool) -> targets.put(job, List.copyOf(pool.activeTargets())));
    return Collections.unmodifiableMap(targets);
  }

  /** The discovered labels of the targets relabeling dropped, per job, jobs in name order. */
  public Map<String, List<Labels>> droppedTargets() {
    Map<String, List<Labels>> targets = new TreeMap<>();
    pools.forEach((job, pool) -> targets.put(job, pool.droppedTargets()));
    return Collections.unmodifiableMap(targets);
  }

  public ScrapeMetrics metrics() {
    return metrics;
  }

  /** Stops every pool (no staleness markers: the server is expected to resume) and the scheduler. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pools.values().forEach(ScrapePool::stop);
    pools = Map.of();
    scheduler.close();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the scrape manager is closed");
    }
  }
}
