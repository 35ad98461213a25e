package dev.vigil.web;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.ScrapeService;
import dev.vigil.scrape.config.ConfigException;
import dev.vigil.scrape.config.ConfigYaml;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.web.api.ApiEndpoint;
import dev.vigil.web.api.GlobalUrl;
import dev.vigil.web.api.TargetsEndpoint;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The routes that show and steer scraping: {@code /api/v1/targets}, {@code /api/v1/status/config}
 * and {@code /-/reload}. Scraping
 * starts only once the storage is open (or never, without a configuration file), so both read the
 * service as it is when asked.
 */
final class ScrapeRoutes {
  /** What a server without a configuration file runs by: Prometheus's defaults and no jobs. */
  private static final PrometheusConfig EMPTY = emptyConfig();

  private final ServerOptions options;
  private final Supplier<Optional<ScrapeService>> scraping;

  ScrapeRoutes(ServerOptions options, Supplier<Optional<ScrapeService>> scraping) {
    this.options = options;
    this.scraping = scraping;
  }

  private static PrometheusConfig emptyConfig() {
    try {
      return PrometheusConfig.parse("", "(none)");
    } catch (ConfigException e) {
      throw new IllegalStateException("the empty configuration is valid", e);
    }
  }

  TargetsEndpoint targets() {
    String port = Integer.toString(options.listenAddress().port());
    // Prometheus's default external URL: http://<hostname>:<listen port>/.
    GlobalUrl global = new GlobalUrl("http", LocalHost.name() + ":" + port, port);
    return new TargetsEndpoint(
        () -> scraping.get().map(s -> s.scrapes().activeTargets()).orElse(Map.of()),
        () -> scraping.get().map(s -> s.scrapes().droppedTargets()).orElse(Map.of()),
        global, ZoneId.systemDefault());
  }

  /** {@code /api/v1/status/config}: the configuration in force as Prometheus renders it, defaults filled in. */
  ApiEndpoint config() {
    return request -> {
      String yaml = ConfigYaml.render(scraping.get().map(ScrapeService::config).orElse(EMPTY));
      return json -> {
        json.writeStartObject();
        json.writeStringField("yaml", yaml);
        json.writeEndObject();
      };
    };
  }

  /** The external labels of the configuration in force (none without one). */
  Labels externalLabels() {
    return scraping.get().map(s -> s.config().global().externalLabels()).orElse(Labels.EMPTY);
  }

  ReloadTarget reload() {
    return new ReloadTarget(options.enableLifecycle(), reloader());
  }

  /** Reloads the configuration file of the running scrape service. */
  ReloadTarget.Reloader reloader() {
    return () -> {
      ScrapeService service = scraping.get().orElseThrow(() -> new IllegalStateException(
          options.configFile().isPresent() ? "the server is still starting" : "no --config.file to reload"));
      service.reload();
    };
  }
}
