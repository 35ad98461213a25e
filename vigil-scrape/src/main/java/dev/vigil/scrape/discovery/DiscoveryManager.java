package dev.vigil.scrape.discovery;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.DnsSdConfig;
import dev.vigil.scrape.config.FileSdConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the discovery of every scrape job and hands the jobs' current target groups to a sink, as
 * Prometheus 2.42's {@code discovery.Manager}.
 *
 * <p>Each discovery config is one provider: a job's {@code dns_sd_configs} entries, its
 * {@code file_sd_configs} entries, then its {@code static_configs} as one provider, in that order.
 * Providers with equal configs are one provider serving every job that has the config (Prometheus
 * compares them with {@code reflect.DeepEqual}). A job without any discovery config gets one empty
 * static group (source ""), so that its receiver learns it has no targets. The manager keeps the latest
 * group per provider and source; a job's groups are those of its providers, in provider order and then
 * in the order their sources first came. A job appears in the map once one of its providers has sent a
 * group; empty groups stay in the map (they tell the receiver to stop the targets of their source).
 *
 * <p>Updates are throttled: providers' updates set a flag, and every update interval (5 s in Prometheus;
 * a constructor parameter here) the sender thread hands the full map of all jobs to the sink if the flag
 * was set since the last hand-over. The sink runs on the sender thread; while it runs, later updates
 * wait for the next tick.
 *
 * <p>{@link #apply} reloads the configuration as {@code ApplyConfig} does: a provider whose config is
 * still used by some job keeps running, with its groups, and serves the jobs that now use it (a renamed
 * job with the same config keeps its targets); providers no job uses are stopped and their groups
 * dropped; new ones are started. Jobs gone disappear from the map. After every apply the full map is
 * sent at the next tick (Prometheus sends it then when any provider was kept; Vigil always does, so a
 * reload that only removes jobs is also seen).
 *
 * <p>Thread-safe. Its threads are daemons named {@code vigil-sd-*}; {@link #close} stops them all.
 */
public final class DiscoveryManager implements AutoCloseable {
  /** Prometheus's {@code updatert}. */
  public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryManager.class);
  private static final AtomicInteger MANAGERS = new AtomicInteger();
  private static final long JOIN_MILLIS = 5_000;
  private static final ProviderKey EMPTY_STATIC =
      new ProviderKey("static", List.of(new TargetGroup(List.of(), Labels.EMPTY, "")));

  /** What makes providers equal: their mechanism and config. */
  private record ProviderKey(String kind, Object config) {}

  private static final class Provider {
    final String name;
    final ProviderKey key;
    final Discoverer discoverer;
    /** The jobs served; guarded by stateLock. */
    Set<String> subs = new LinkedHashSet<>();
    /** The jobs of the config being applied; confined to apply. */
    Set<String> newSubs = new LinkedHashSet<>();
    /** The latest group per source; guarded by stateLock. */
    final Map<String, TargetGroup> groups = new LinkedHashMap<>();
    /** Guarded by stateLock; once set, updates are ignored. */
    boolean stopped;

    Provider(String name, ProviderKey key, Discoverer discoverer) {
      this.name = name;
      this.key = key;
      this.discoverer = discoverer;
    }
  }

  private final Consumer<Map<String, List<TargetGroup>>> sink;
  private final DiscovererFactory factory;
  private final long intervalNanos;
  private final Thread sender;

  /** Serializes apply and close. */
  private final Object applyLock = new Object();
  private int lastProvider;

  /** Guards the providers' subs and groups, and the fields below. */
  private final Object stateLock = new Object();
  private List<Provider> providers = List.of();
  private List<String> jobs = List.of();
  private boolean triggered;
  private volatile boolean closed;

  /** Prometheus's interval (5 s) and the standard providers with the system's resolver. */
  public DiscoveryManager(Consumer<Map<String, List<TargetGroup>>> sink) {
    this(sink, DEFAULT_UPDATE_INTERVAL, DiscovererFactory.standard());
  }

  /**
   * @param sink receives the full target groups of every job with groups, keyed by job name in the
   *     order of the last applied configuration; the map and its lists are immutable
   * @param updateInterval the least time between two hand-overs to the sink
   */
  public DiscoveryManager(Consumer<Map<String, List<TargetGroup>>> sink, Duration updateInterval,
      DiscovererFactory factory) {
    if (updateInterval.isNegative() || updateInterval.isZero()) {
      throw new IllegalArgumentException("update interval must be positive: " + updateInterval);
    }
    this.sink = sink;
    this.factory = factory;
    this.intervalNanos = updateInterval.toNanos();
    sender = new Thread(this::send, "vigil-sd-sender-" + MANAGERS.incrementAndGet());
    sender.setDaemon(true);
    sender.start();
  }

  /**
   * Applies a configuration's scrape jobs: keeps the providers still configured, stops the others,
   * starts the new ones.
   *
   * @throws IllegalArgumentException when two jobs have the same name
   * @throws IllegalStateException after {@link #close}
   */
  public void apply(List<ScrapeConfig> configs) {
    Set<String> names = new HashSet<>();
    for (ScrapeConfig config : configs) {
      if (!names.add(config.jobName())) {
        throw new IllegalArgumentException("found multiple scrape configs with job name " + config.jobName());
      }
    }
    synchronized (applyLock) {
      if (closed) {
        throw new IllegalStateException("discovery manager is closed");
      }
      List<Provider> old = providers;
      Map<ProviderKey, Provider> byKey = new LinkedHashMap<>();
      for (Provider p : old) {
        byKey.put(p.key, p);
      }
      List<Provider> created = new ArrayList<>();
      List<String> jobNames = new ArrayList<>();
      for (ScrapeConfig config : configs) {
        jobNames.add(config.jobName());
        boolean added = false;
        for (ProviderKey key : keys(config)) {
          added |= register(key, config.jobName(), byKey, created);
        }
        if (!added) {
          register(EMPTY_STATIC, config.jobName(), byKey, created);
        }
      }
      List<Provider> stopping = new ArrayList<>();
      List<Provider> next = new ArrayList<>();
      for (Provider p : old) {
        (p.newSubs.isEmpty() ? stopping : next).add(p);
      }
      next.addAll(created);
      // New providers start before the new set is published: what they send at once (static groups) is
      // then visible together with the removal of the old providers, never a tick apart.
      for (Provider p : created) {
        LOG.debug("discovery: starting provider {} for {}", p.name, p.newSubs);
        try {
          p.discoverer.start(groups -> update(p, groups));
        } catch (RuntimeException e) {
          LOG.error("discovery: cannot start provider {} for {}", p.name, p.newSubs, e);
        }
      }
      synchronized (stateLock) {
        for (Provider p : stopping) {
          p.stopped = true;
          p.groups.clear();
        }
        for (Provider p : next) {
          p.subs = p.newSubs;
          p.newSubs = new LinkedHashSet<>();
        }
        providers = List.copyOf(next);
        jobs = List.copyOf(jobNames);
        triggered = true;
      }
      for (Provider p : stopping) {
        LOG.debug("discovery: stopping provider {}", p.name);
        closeQuietly(p);
      }
    }
  }

  /** The providers of a job, in Prometheus's order: dns, file, then static. */
  private static List<ProviderKey> keys(ScrapeConfig config) {
    List<ProviderKey> keys = new ArrayList<>();
    for (DnsSdConfig dns : config.dnsSdConfigs()) {
      keys.add(new ProviderKey("dns", dns));
    }
    for (FileSdConfig file : config.fileSdConfigs()) {
      keys.add(new ProviderKey("file", file));
    }
    if (!config.staticConfigs().isEmpty()) {
      keys.add(new ProviderKey("static", config.staticConfigs()));
    }
    return keys;
  }

  private boolean register(ProviderKey key, String job, Map<ProviderKey, Provider> byKey, List<Provider> created) {
    Provider existing = byKey.get(key);
    if (existing != null) {
      existing.newSubs.add(job);
      return true;
    }
    Discoverer discoverer;
    try {
      discoverer = create(key);
    } catch (RuntimeException e) {
      LOG.error("discovery: cannot create service discovery: type={} config={}", key.kind(), job, e);
      return false;
    }
    Provider p = new Provider(key.kind() + "/" + lastProvider++, key, discoverer);
    p.newSubs.add(job);
    byKey.put(key, p);
    created.add(p);
    return true;
  }

  @SuppressWarnings("unchecked")
  private Discoverer create(ProviderKey key) {
    switch (key.kind()) {
      case "dns":
        return factory.dnsSd((DnsSdConfig) key.config());
      case "file":
        return factory.fileSd((FileSdConfig) key.config());
      default:
        return factory.staticConfigs((List<TargetGroup>) key.config());
    }
  }

  private void update(Provider p, List<TargetGroup> groups) {
    synchronized (stateLock) {
      if (p.stopped || closed) {
        return;
      }
      for (TargetGroup group : groups) {
        if (group != null) {
          p.groups.put(group.source(), group);
        }
      }
      triggered = true;
    }
  }

  /** The map the sink would get now, without waiting for the next tick. */
  public Map<String, List<TargetGroup>> currentGroups() {
    synchronized (stateLock) {
      return allGroups();
    }
  }

  /** Prometheus's allGroups; caller holds stateLock. */
  private Map<String, List<TargetGroup>> allGroups() {
    Map<String, List<TargetGroup>> byJob = new LinkedHashMap<>();
    for (String job : jobs) {
      byJob.put(job, new ArrayList<>());
    }
    for (Provider p : providers) {
      for (String job : p.subs) {
        byJob.get(job).addAll(p.groups.values());
      }
    }
    Map<String, List<TargetGroup>> out = new LinkedHashMap<>();
    byJob.forEach((job, groups) -> {
      if (!groups.isEmpty()) {
        out.put(job, List.copyOf(groups));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** The sender: on every tick, hands the groups over if anything was received since the last time. */
  private void send() {
    long next = System.nanoTime() + intervalNanos;
    try {
      while (!closed) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        next += intervalNanos;
        if (System.nanoTime() - next >= 0) {
          next = System.nanoTime() + intervalNanos;
        }
        Map<String, List<TargetGroup>> groups;
        synchronized (stateLock) {
          if (!triggered || closed) {
            continue;
          }
          triggered = false;
          groups = allGroups();
        }
        try {
          sink.accept(groups);
        } catch (RuntimeException e) {
          LOG.error("discovery: the receiver of target groups failed", e);
        }
      }
    } catch (InterruptedException e) {
      // Closed.
    }
  }

  /** Stops every provider and the sender, and waits for their threads; idempotent. */
  @Override
  public void close() {
    List<Provider> running;
    synchronized (applyLock) {
      synchronized (stateLock) {
        if (closed) {
          return;
        }
        closed = true;
        running = providers;
        for (Provider p : running) {
          p.stopped = true;
        }
      }
      sender.interrupt();
      for (Provider p : running) {
        closeQuietly(p);
      }
    }
    if (sender != Thread.currentThread()) {
      try {
        sender.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(Provider p) {
    try {
      p.discoverer.close();
    } catch (RuntimeException e) {
      LOG.error("discovery: closing provider {} failed", p.name, e);
    }
  }
}
