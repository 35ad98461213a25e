package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import dev.vigil.scrape.config.TargetLabels;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The targets of one scrape job and their loops, as Prometheus 2.42's {@code scrapePool}.
 *
 * <p>{@link #sync} turns discovered groups into targets, keeps the ones it already scrapes (same labels
 * and URL, the target hash), starts loops for new ones and stops the loops of vanished ones. Past
 * {@code target_limit} every loop fails its scrapes with the limit's error instead of scraping.
 * {@link #reload} restarts every loop under a new config and scraper factory; when the change cannot
 * alter the stored series (only interval, timeout, sample limit or HTTP settings changed) each new
 * loop takes over its predecessor's cache, so no series looks new and none is marked stale.
 *
 * <p>Sync, reload and stop are serialised and wait for the loops they stop; readers of the targets
 * only wait for a short copy.
 */
final class ScrapePool {
  private static final Logger LOG = LoggerFactory.getLogger(ScrapePool.class);

  private final LoopServices services;
  private final Object mutation = new Object();
  private final Object targetsLock = new Object();
  private ScrapeConfig config;
  private ScraperFactory factory;
  /** The loop of each active target, by target hash; guarded by targetsLock, changed under mutation. */
  private final Map<Long, ScrapeLoop> loops = new LinkedHashMap<>();
  private volatile List<Labels> droppedTargets = List.of();
  private volatile boolean stopped;

  ScrapePool(ScrapeConfig config, ScraperFactory factory, LoopServices services) {
    this.config = config;
    this.factory = factory;
    this.services = services;
  }

  ScrapeConfig config() {
    synchronized (mutation) {
      return config;
    }
  }

  List<TargetSnapshot> activeTargets() {
    synchronized (targetsLock) {
      List<TargetSnapshot> targets = new ArrayList<>(loops.size());
      loops.values().forEach(loop -> targets.add(loop.target().snapshot()));
      return targets;
    }
  }

  /** The discovered labels of the targets relabeling dropped in the latest sync. */
  List<Labels> droppedTargets() {
    return droppedTargets;
  }

  /** Scrapes the targets of {@code groups} from now on, and only those; returns once vanished loops stopped. */
  void sync(List<TargetGroup> groups) {
    synchronized (mutation) {
      if (stopped) {
        return;
      }
      List<Target> targets = new ArrayList<>();
      List<Labels> dropped = new ArrayList<>();
      for (TargetGroup group : groups) {
        for (int i = 0; i < group.targets().size(); i++) {
          TargetLabels labels;
          try {
            labels = TargetLabels.populate(TargetLabels.discovered(group, i), config);
          } catch (IllegalArgumentException e) {
            services.metrics().targetSyncFailed();
            LOG.error("Creating target failed scrape_pool={} err=\"instance {} in group {}: {}\"", config.jobName(), i,
                group.source(), e.getMessage());
            continue;
          }
          if (!labels.dropped()) {
            targets.add(new Target(config.jobName(), labels, config.params()));
          } else if (!labels.discoveredLabels().isEmpty()) {
            dropped.add(labels.discoveredLabels());
          }
        }
      }
      droppedTargets = List.copyOf(dropped);
      syncTargets(targets);
    }
  }

  private void syncTargets(List<Target> targets) {
    List<ScrapeLoop> started = new ArrayList<>();
    List<ScrapeLoop> vanished = new ArrayList<>();
    String targetLimitError;
    synchronized (targetsLock) {
      Set<Long> present = new HashSet<>();
      for (Target target : targets) {
        ScrapeLoop known = loops.get(target.hash());
        if (known == null) {
          ScrapeLoop loop = newLoop(target, new ScrapeCache(services.metrics()));
          loops.put(target.hash(), loop);
          started.add(loop);
        } else {
          // A duplicate or a target already scraped: keep its loop, show its latest discovered labels.
          known.target().setDiscoveredLabels(target.discoveredLabels());
        }
        present.add(target.hash());
      }
      loops.entrySet().removeIf(entry -> {
        boolean gone = !present.contains(entry.getKey());
        if (gone) {
          vanished.add(entry.getValue());
        }
        return gone;
      });
      targetLimitError = targetLimitError();
      loops.values().forEach(loop -> loop.setForcedError(targetLimitError));
    }
    vanished.forEach(ScrapeLoop::requestStop);
    started.forEach(ScrapeLoop::start);
    // Waiting keeps a stopped loop of a flapping target from appending next to its successor.
    vanished.forEach(ScrapeLoop::awaitStopped);
  }

  /**
   * Restarts every loop with {@code newConfig}, scraping through {@code newFactory}; closes the old
   * factory once the old loops stopped.
   */
  void reload(ScrapeConfig newConfig, ScraperFactory newFactory) {
    synchronized (mutation) {
      if (stopped) {
        newFactory.close();
        return;
      }
      boolean reuseCaches = withoutScrapeSettings(config).equals(withoutScrapeSettings(newConfig));
      ScraperFactory oldFactory = factory;
      config = newConfig;
      factory = newFactory;
      List<ScrapeLoop> oldLoops = new ArrayList<>();
      List<ScrapeLoop> newLoops = new ArrayList<>();
      String targetLimitError;
      synchronized (targetsLock) {
        for (Map.Entry<Long, ScrapeLoop> entry : loops.entrySet()) {
          ScrapeLoop oldLoop = entry.getValue();
          ScrapeCache cache = new ScrapeCache(services.metrics());
          if (reuseCaches) {
            oldLoop.disableEndOfRunStalenessMarkers();
            cache = oldLoop.cache();
          }
          ScrapeLoop newLoop = newLoop(oldLoop.target(), cache);
          entry.setValue(newLoop);
          oldLoops.add(oldLoop);
          newLoops.add(newLoop);
        }
        targetLimitError = targetLimitError();
      }
      oldLoops.forEach(ScrapeLoop::requestStop);
      for (int i = 0; i < oldLoops.size(); i++) {
        // A new loop may share its predecessor's cache, so it starts only once that one stopped.
        oldLoops.get(i).awaitStopped();
        newLoops.get(i).setForcedError(targetLimitError);
        newLoops.get(i).start();
      }
      oldFactory.close();
    }
  }

  /**
   * Stops every loop for good, interrupting scrapes in progress; no staleness markers are written,
   * not even those still pending for targets that vanished before (the server may restart and resume).
   */
  void stop() {
    synchronized (mutation) {
      if (stopped) {
        return;
      }
      stopped = true;
      List<ScrapeLoop> all;
      synchronized (targetsLock) {
        all = new ArrayList<>(loops.values());
        loops.clear();
      }
      all.forEach(ScrapeLoop::shutdown);
      all.forEach(ScrapeLoop::awaitStopped);
      factory.close();
    }
  }

  /** Under targetsLock: 2.42's error for every loop while the pool has more targets than its limit. */
  private String targetLimitError() {
    long limit = config.targetLimit();
    if (limit == 0 || loops.size() <= limit) {
      return null;
    }
    services.metrics().targetLimitExceeded();
    return "target_limit exceeded (number of targets: " + loops.size() + ", limit: " + limit + ")";
  }

  private ScrapeLoop newLoop(Target target, ScrapeCache cache) {
    return new ScrapeLoop(target, scraperFor(target), cache, LoopSettings.of(config, target), services,
        () -> stopped);
  }

  private TargetScraper scraperFor(Target target) {
    URI url;
    try {
      url = URI.create(target.url());
    } catch (IllegalArgumentException e) {
      String reason = "invalid scrape URL " + target.url() + ": " + e.getMessage();
      return timeoutMillis -> {
        throw new ScrapeFailure(reason);
      };
    }
    return factory.forTarget(url);
  }

  /**
   * The config without what cannot change a target's series, as 2.42's {@code zeroConfig}: scrape
   * interval and timeout, sample limit and HTTP client settings (null here).
   */
  private static ScrapeConfig withoutScrapeSettings(ScrapeConfig c) {
    return new ScrapeConfig(c.jobName(), c.honorLabels(), c.honorTimestamps(), c.params(), 0, 0, c.metricsPath(),
        c.scheme(), c.bodySizeLimitBytes(), 0, c.targetLimit(), c.labelLimit(), c.labelNameLengthLimit(),
        c.labelValueLengthLimit(), null, c.staticConfigs(), c.fileSdConfigs(), c.dnsSdConfigs(), c.relabelConfigs(),
        c.metricRelabelConfigs());
  }
}
