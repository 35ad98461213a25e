package dev.vigil.scrape;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.storage.Appendable;
import dev.vigil.scrape.config.ConfigException;
import dev.vigil.scrape.config.ConfigPaths;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.discovery.DiscoveryManager;
import dev.vigil.scrape.loop.ScrapeManager;
import dev.vigil.scrape.loop.ScrapeReloadException;
import dev.vigil.scrape.loop.ScraperFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Scraping as one service, driven by a {@code prometheus.yml}: discovery feeding the scrape manager,
 * which appends to the storage. A reload reads the file anew; a file that cannot be used is refused
 * with the reason and the configuration in force keeps running, as in Prometheus 2.42's reloadConfig.
 */
public final class ScrapeService implements AutoCloseable {
  private final Path configFile;
  private final Function<ScrapeConfig, ScraperFactory> factories;
  private final ScrapeManager scrapes;
  private final DiscoveryManager discovery;
  private volatile PrometheusConfig config;

  private ScrapeService(Path configFile, Function<ScrapeConfig, ScraperFactory> factories, ScrapeManager scrapes,
      DiscoveryManager discovery) {
    this.configFile = configFile;
    this.factories = factories;
    this.scrapes = scrapes;
    this.discovery = discovery;
  }

  /**
   * Loads {@code configFile} and starts discovering and scraping into {@code storage}.
   *
   * @param fqdn this host's name, which with the external labels spreads scrape offsets
   * @param factories makes each job's scraper factory (its HTTP client); may throw a RuntimeException
   * @throws ConfigReloadException when the file cannot be loaded, with Prometheus's wording
   */
  public static ScrapeService start(Path configFile, Appendable storage, String fqdn,
      Function<ScrapeConfig, ScraperFactory> factories) throws ConfigReloadException {
    PrometheusConfig config = load(configFile);
    ScrapeManager scrapes = new ScrapeManager(storage, fqdn);
    ScrapeService service = new ScrapeService(configFile, factories, scrapes, new DiscoveryManager(scrapes::updateTargets));
    try {
      service.apply(config);
    } catch (ConfigReloadException | RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  /**
   * Reads the configuration file again and applies it. When it cannot be loaded nothing changes;
   * when some job cannot take its new configuration it keeps its old one, the others change.
   */
  public synchronized void reload() throws ConfigReloadException {
    apply(load(configFile));
  }

  private void apply(PrometheusConfig next) throws ConfigReloadException {
    config = next;
    List<ScrapeConfig> jobs = ConfigPaths.resolved(next);
    try {
      scrapes.applyConfig(jobs, next.global().externalLabels(), factories);
    } catch (ScrapeReloadException e) {
      throw new ConfigReloadException("one or more errors occurred while applying the new configuration "
          + "(--config.file=" + quoted(configFile) + ")", e);
    } finally {
      discovery.apply(jobs);
    }
  }

  private static PrometheusConfig load(Path configFile) throws ConfigReloadException {
    try {
      return PrometheusConfig.load(configFile);
    } catch (ConfigException e) {
      throw new ConfigReloadException("couldn't load configuration (--config.file=" + quoted(configFile) + "): "
          + e.getMessage(), e);
    }
  }

  private static String quoted(Path file) {
    return GoQuote.quote(file.toString());
  }

  /** The configuration in force, paths as written: the last one loaded successfully. */
  public PrometheusConfig config() {
    return config;
  }

  public Path configFile() {
    return configFile;
  }

  /** The scrape manager, for the targets API and scrape metrics. */
  public ScrapeManager scrapes() {
    return scrapes;
  }

  /** Stops discovery, then every scrape loop. */
  @Override
  public void close() {
    try {
      discovery.close();
    } finally {
      scrapes.close();
    }
  }
}
