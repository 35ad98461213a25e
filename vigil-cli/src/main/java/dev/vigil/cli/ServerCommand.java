package dev.vigil.cli;

import dev.vigil.core.model.PromDuration;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.scrape.config.ByteSize;
import dev.vigil.tsdb.TsdbOptions;
import dev.vigil.web.ListenAddress;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
import dev.vigil.web.api.BuildInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code vigil server}: Prometheus's job. Scrapes what {@code --config.file} names into a data
 * directory kept as Prometheus keeps it (head, WAL, blocks, compaction, retention) and serves it
 * through Prometheus's HTTP API. Flags are Prometheus's, with its defaults, so existing runbooks carry
 * over. SIGHUP reloads the configuration; runs until SIGTERM or SIGINT.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Scrape targets into a TSDB data directory and serve it through the Prometheus HTTP API.")
public final class ServerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);
  private static final long THIRTY_ONE_DAYS = 31 * 24 * 3600_000L;

  @Option(names = "--storage.tsdb.path", defaultValue = "data/", description = "Base path for metrics storage (default: ${DEFAULT-VALUE}).")
  private Path tsdbPath;

  @Option(names = "--config.file",
      description = "Prometheus configuration file path; without it the server only serves its data directory.")
  private Path configFile;

  @Option(names = "--web.enable-lifecycle", description = "Enable shutdown and reload via HTTP request.")
  private boolean enableLifecycle;

  @Option(names = "--storage.tsdb.retention.time",
      description = "How long to retain samples in storage. If neither this flag nor --storage.tsdb.retention.size is set, the retention time defaults to 15d. Units Supported: y, w, d, h, m, s, ms.")
  private String retentionTime;

  @Option(names = "--storage.tsdb.retention.size",
      description = "Maximum number of bytes that can be stored for blocks. A unit is required, supported units: B, KB, MB, GB, TB, PB, EB. Ex: \"512MB\". Based on powers-of-2, so 1KB is 1024B.")
  private String retentionSize;

  @Option(names = "--storage.tsdb.min-block-duration", defaultValue = "2h", hidden = true,
      description = "Minimum duration of a data block before being persisted. For use in testing.")
  private String minBlockDuration;

  @Option(names = "--storage.tsdb.max-block-duration", hidden = true,
      description = "Maximum duration compacted blocks may span. For use in testing. (Defaults to 10% of the retention period.)")
  private String maxBlockDuration;

  @Option(names = "--web.listen-address", defaultValue = "0.0.0.0:9090",
      description = "Address to listen on for the API and telemetry (default: ${DEFAULT-VALUE}).")
  private String listenAddress;

  @Option(names = "--query.timeout", defaultValue = "2m", description = "Maximum time a query may take before being aborted (default: ${DEFAULT-VALUE}).")
  private String queryTimeout;

  @Option(names = "--query.max-samples", defaultValue = "50000000",
      description = "Maximum number of samples a single query can load into memory (default: ${DEFAULT-VALUE}).")
  private long maxSamples;

  @Option(names = "--query.max-concurrency", defaultValue = "20", description = "Maximum number of queries executed concurrently (default: ${DEFAULT-VALUE}).")
  private int maxConcurrency;

  @Option(names = "--query.lookback-delta", defaultValue = "5m",
      description = "The maximum lookback duration for retrieving metrics during expression evaluations (default: ${DEFAULT-VALUE}).")
  private String lookbackDelta;

  @Override
  public Integer call() throws Exception {
    EngineOptions engine = new EngineOptions(duration("--query.timeout", queryTimeout), maxSamples, maxConcurrency,
        duration("--query.lookback-delta", lookbackDelta));
    TsdbOptions storage = storageOptions();
    ServerOptions options = new ServerOptions(tsdbPath, storage, ListenAddress.parse(listenAddress), engine,
        reportedFlags(engine, storage), BuildInfo.current(), Optional.ofNullable(configFile), enableLifecycle);
    VigilServer server = VigilServer.start(options);
    reloadOnHangup(server);
    Thread stopper = new Thread(server::close, "vigil-server-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    LOG.info("Vigil server ready, listening on {} (data: {})", listenAddress, tsdbPath);
    server.join();
    return 0;
  }

  /** SIGHUP reloads the configuration, as it does Prometheus's; a bad file is logged and changes nothing. */
  private static void reloadOnHangup(VigilServer server) {
    Signal.handle(new Signal("HUP"), signal -> {
      try {
        server.reload();
        LOG.info("Completed loading of configuration file");
      } catch (Exception e) {
        LOG.error("Error reloading config: {}", e.getMessage());
      }
    });
  }

  /**
   * Retention and block ranges as Prometheus 2.42 resolves them: 15d when no retention is given,
   * max block duration a tenth of the retention but at most 31d.
   */
  private TsdbOptions storageOptions() {
    long retention = retentionTime == null ? 0 : duration("--storage.tsdb.retention.time", retentionTime);
    long bytes = 0;
    if (retentionSize != null) {
      try {
        bytes = ByteSize.parse(retentionSize);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid --storage.tsdb.retention.size " + retentionSize + ": "
            + e.getMessage(), e);
      }
    }
    if (retention == 0 && bytes == 0) {
      retention = TsdbOptions.FIFTEEN_DAYS;
    }
    long maxBlock;
    if (maxBlockDuration != null) {
      maxBlock = duration("--storage.tsdb.max-block-duration", maxBlockDuration);
    } else {
      maxBlock = THIRTY_ONE_DAYS;
      if (retention != 0 && retention / 10 < maxBlock) {
        maxBlock = retention / 10;
      }
    }
    long minBlock = duration("--storage.tsdb.min-block-duration", minBlockDuration);
    return new TsdbOptions(minBlock, Math.max(minBlock, maxBlock), retention, bytes);
  }

  private static long duration(String flag, String text) {
    try {
      return PromDuration.parseMillis(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + flag + " " + text + ": " + e.getMessage(), e);
    }
  }

  /** The flags as /api/v1/status/flags reports them, values written as Prometheus writes its own. */
  private Map<String, String> reportedFlags(EngineOptions engine, TsdbOptions storage) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("config.file", configFile == null ? "" : configFile.toString());
    flags.put("web.enable-lifecycle", Boolean.toString(enableLifecycle));
    flags.put("storage.tsdb.path", tsdbPath.toString());
    flags.put("storage.tsdb.retention.time", PromDuration.format(storage.retentionMillis()));
    flags.put("storage.tsdb.retention.size", storage.retentionBytes() + "B");
    flags.put("storage.tsdb.min-block-duration", PromDuration.format(storage.minBlockDuration()));
    flags.put("storage.tsdb.max-block-duration", PromDuration.format(storage.maxBlockDuration()));
    flags.put("web.listen-address", listenAddress);
    flags.put("query.timeout", PromDuration.format(engine.timeoutMillis()));
    flags.put("query.max-samples", Long.toString(engine.maxSamples()));
    flags.put("query.max-concurrency", Integer.toString(engine.maxConcurrency()));
    flags.put("query.lookback-delta", PromDuration.format(engine.lookbackDeltaMillis()));
    return flags;
  }
}
