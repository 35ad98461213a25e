package dev.vigil.web;

import dev.vigil.core.storage.Queryable;
import dev.vigil.promql.engine.Engine;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.compact.TsdbMaintenance;
import dev.vigil.web.api.ApiEndpoint;
import dev.vigil.web.api.BuildInfoEndpoint;
import dev.vigil.web.api.FlagsEndpoint;
import dev.vigil.web.api.FormatQueryEndpoint;
import dev.vigil.web.api.InstantQueryEndpoint;
import dev.vigil.web.api.LabelNamesEndpoint;
import dev.vigil.web.api.LabelValuesEndpoint;
import dev.vigil.web.api.MetadataEndpoint;
import dev.vigil.web.api.QueryRunner;
import dev.vigil.web.api.RangeQueryEndpoint;
import dev.vigil.web.api.SeriesEndpoint;
import dev.vigil.scrape.ConfigReloadException;
import dev.vigil.scrape.ScrapeService;
import dev.vigil.scrape.config.ConfigException;
import dev.vigil.scrape.config.PrometheusConfig;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.http.HttpClientSetupException;
import dev.vigil.scrape.http.HttpScraperFactory;
import dev.vigil.scrape.loop.ScraperFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vigil server}'s HTTP side over a data directory of blocks, read-only: Prometheus's API v1
 * (queries, series, labels, status), health and readiness, and the server's own metrics.
 */
public final class VigilServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VigilServer.class);
  private static final List<String> GET_POST = List.of("GET", "POST");
  /** Threads serving requests; queries beyond the engine's concurrency wait inside the engine, not here. */
  private static final int MAX_THREADS = 64;
  /** Go's default limit on request headers, which long GET queries need rather than Jetty's 8 KiB. */
  private static final int MAX_HEADER_BYTES = 1 << 20;
  /** How often compaction runs besides when commits make the head compactable, as Prometheus's DB.run. */
  private static final long COMPACTION_INTERVAL_MILLIS = 60_000;
  /** Prometheus's --web.read-timeout default; a connection quiet for longer is closed. */
  private static final long MIN_IDLE_TIMEOUT_MILLIS = 5 * 60_000L;

  private final Server server;
  private final ServerConnector connector;
  private final AutoCloseable storage;
  private final WebMetrics metrics;
  private final ScrapeRoutes scrapeRoutes;

  private VigilServer(Server server, ServerConnector connector, AutoCloseable storage, WebMetrics metrics,
      ScrapeRoutes scrapeRoutes) {
    this.scrapeRoutes = scrapeRoutes;
    this.server = server;
    this.connector = connector;
    this.storage = storage;
    this.metrics = metrics;
  }

  /**
   * Starts listening, then opens the data directory (blocks, then the WAL replayed into the head);
   * returns once the storage is open. Meanwhile {@code /-/healthy} answers and the API and
   * {@code /-/ready} say 503, as Prometheus does during its replay.
   */
  public static VigilServer start(ServerOptions options) throws IOException {
    return start(options, () -> {
      Tsdb tsdb = Tsdb.open(options.tsdbPath(), options.storage(), warning -> LOG.warn("{}", warning));
      tsdb.skipped().forEach(s -> LOG.warn("skipping unreadable block {}: {}", s.dir(), s.reason()));
      LOG.info("serving {} blocks and a head of {} series from {}", tsdb.blocks().size(),
          tsdb.head().numSeries(), options.tsdbPath());
      return tsdb;
    });
  }

  /** Opens a server's storage; may take long (a WAL replay). */
  interface StorageOpener {
    Tsdb open() throws IOException;
  }

  static VigilServer start(ServerOptions options, StorageOpener opener) throws IOException {
    if (options.configFile().isPresent()) {
      checkConfig(options.configFile().get());
    }
    DeferredStorage<ServerStorage> storage = new DeferredStorage<>();
    ScrapeRoutes scrapeRoutes = new ScrapeRoutes(options, () -> storage.current().flatMap(ServerStorage::scraping));
    VigilServer server = serve(options, storage, storage, storage::isOpen, scrapeRoutes);
    try {
      storage.opened(openStorage(options, opener, server.metrics));
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Prometheus refuses to start on a configuration it cannot load, before it touches its storage. */
  private static void checkConfig(Path configFile) throws IOException {
    try {
      PrometheusConfig.load(configFile);
    } catch (ConfigException e) {
      throw new IOException("Error loading config (--config.file=" + configFile + "): " + e.getMessage(), e);
    }
  }

  /** Opens the storage, starts its compaction, then scraping into it; undoes what was started on failure. */
  private static ServerStorage openStorage(ServerOptions options, StorageOpener opener, WebMetrics metrics)
      throws IOException {
    Tsdb tsdb = opener.open();
    TsdbMaintenance maintenance = null;
    try {
      maintenance = TsdbMaintenance.start(tsdb, COMPACTION_INTERVAL_MILLIS, line -> LOG.info("{}", line));
      Optional<ScrapeService> scraping = Optional.empty();
      if (options.configFile().isPresent()) {
        scraping = Optional.of(ScrapeService.start(options.configFile().get(), tsdb, LocalHost.fqdn(),
            VigilServer::scraperFactory));
        LOG.info("scraping as configured in {}", options.configFile().get());
      }
      StorageMetrics.register(metrics.registry(), tsdb, maintenance);
      scraping.ifPresent(s -> ScrapeMetricsExport.register(metrics.registry(), s.scrapes()));
      return new ServerStorage(tsdb, maintenance, scraping);
    } catch (IOException | RuntimeException | ConfigReloadException e) {
      if (maintenance != null) {
        maintenance.close();
      }
      tsdb.close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** A job's HTTP client; one that cannot be built leaves the job out, as Prometheus does. */
  private static ScraperFactory scraperFactory(ScrapeConfig config) {
    try {
      return HttpScraperFactory.create(config);
    } catch (HttpClientSetupException e) {
      throw new IllegalArgumentException(e.reason(), e);
    }
  }

  /** Serves storage that is open already; {@code storage} is closed with the server. */
  static VigilServer serve(ServerOptions options, Queryable queryable, AutoCloseable storage) throws IOException {
    return serve(options, queryable, storage, () -> true, new ScrapeRoutes(options, Optional::empty));
  }

  /** Serves any storage; {@code storage} is closed with the server, also when starting fails. */
  private static VigilServer serve(ServerOptions options, Queryable queryable, AutoCloseable storage,
      java.util.function.BooleanSupplier ready, ScrapeRoutes scrapeRoutes) throws IOException {
    try {
      WebMetrics metrics = new WebMetrics();
      Server server = new Server(threadPool());
      ServerConnector connector = connector(server, options);
      server.addConnector(connector);
      GzipHandler gzip = new GzipHandler();
      gzip.setHandler(new ReadinessGate(routes(options, queryable, metrics, scrapeRoutes), ready));
      server.setHandler(gzip);
      server.start();
      return new VigilServer(server, connector, storage, metrics, scrapeRoutes);
    } catch (Exception e) {
      closeQuietly(storage, e);
      throw new IOException("cannot start the HTTP server on " + options.listenAddress() + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(AutoCloseable storage, Exception cause) {
    try {
      storage.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  private static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4);
    pool.setName("vigil-http");
    return pool;
  }

  private static ServerConnector connector(Server server, ServerOptions options) {
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    ListenAddress address = options.listenAddress();
    connector.setHost(address.host().isEmpty() ? null : address.host());
    connector.setPort(address.port());
    // A query may legitimately stay silent for its whole timeout; the connection must outlive it.
    connector.setIdleTimeout(Math.max(MIN_IDLE_TIMEOUT_MILLIS, options.engineOptions().timeoutMillis() + 60_000L));
    return connector;
  }

  private static Router routes(ServerOptions options, Queryable tsdb, WebMetrics metrics, ScrapeRoutes scrapeRoutes) {
    QueryRunner runner = new QueryRunner(new Engine(options.engineOptions()), tsdb, metrics);
    Router router = new Router(metrics);
    api(router, GET_POST, "/query", new InstantQueryEndpoint(runner, System::currentTimeMillis));
    api(router, GET_POST, "/query_range", new RangeQueryEndpoint(runner));
    api(router, GET_POST, "/format_query", new FormatQueryEndpoint());
    api(router, GET_POST, "/labels", new LabelNamesEndpoint(tsdb));
    api(router, List.of("GET"), "/label/:name/values", new LabelValuesEndpoint(tsdb));
    api(router, GET_POST, "/series", new SeriesEndpoint(tsdb));
    api(router, List.of("GET"), "/metadata", new MetadataEndpoint());
    api(router, List.of("GET"), "/status/buildinfo", new BuildInfoEndpoint(options.buildInfo()));
    api(router, List.of("GET"), "/status/flags", new FlagsEndpoint(options.flags()));
    api(router, List.of("GET"), "/targets", scrapeRoutes.targets());
    api(router, List.of("GET"), "/status/config", scrapeRoutes.config());
    router.add(List.of("POST", "PUT"), "/-/reload", scrapeRoutes.reload());
    router.add("GET", "/federate", new FederateTarget(tsdb, scrapeRoutes::externalLabels,
        options.engineOptions().lookbackDeltaMillis(), System::currentTimeMillis));
    router.add("OPTIONS", "/api/v1/*path", new OptionsTarget());
    router.add(List.of("GET", "HEAD"), "/-/healthy", HealthTarget.healthy());
    router.add(List.of("GET", "HEAD"), "/-/ready", HealthTarget.ready());
    router.add("GET", "/metrics", new MetricsTarget(metrics.registry()));
    return router;
  }

  private static void api(Router router, List<String> methods, String path, ApiEndpoint endpoint) {
    router.add(methods, "/api/v1" + path, new ApiHandler(endpoint));
  }

  /**
   * Reloads the configuration file, as SIGHUP and {@code /-/reload} do.
   *
   * @throws Exception with Prometheus's reason when it cannot be applied; the old one keeps running
   */
  public void reload() throws Exception {
    scrapeRoutes.reloader().reload();
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Where clients reach the server; a wildcard listen address is reached over loopback. */
  public URI baseUrl() {
    String host = connector.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** Stops accepting requests, lets those in flight finish briefly, and closes the storage. */
  @Override
  public void close() {
    try (storage) {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTP server cleanly", e);
    }
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }
}
