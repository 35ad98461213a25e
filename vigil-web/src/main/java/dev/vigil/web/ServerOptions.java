package dev.vigil.web;

import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.tsdb.TsdbOptions;
import dev.vigil.web.api.BuildInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to run a {@link VigilServer}: the data directory to serve and how it is kept, where to listen,
 * the engine's limits, what {@code /api/v1/status/flags} and {@code /status/buildinfo} report, the
 * {@code prometheus.yml} to scrape by (none: serve the data only), and whether {@code /-/reload} works.
 */
public record ServerOptions(Path tsdbPath, TsdbOptions storage, ListenAddress listenAddress,
    EngineOptions engineOptions, Map<String, String> flags, BuildInfo buildInfo, Optional<Path> configFile,
    boolean enableLifecycle) {

  public ServerOptions {
    flags = Map.copyOf(flags);
  }

  /** Serves {@code tsdbPath} on a free loopback port with default limits: what tests want. */
  public static ServerOptions loopback(Path tsdbPath) {
    return new ServerOptions(tsdbPath, TsdbOptions.DEFAULT, new ListenAddress("127.0.0.1", 0), EngineOptions.DEFAULTS, Map.of(),
        BuildInfo.current(), Optional.empty(), false);
  }

  /** These options with scraping by {@code configFile} and the lifecycle API enabled. */
  public ServerOptions withConfigFile(Path configFile) {
    return new ServerOptions(tsdbPath, storage, listenAddress, engineOptions, flags, buildInfo,
        Optional.of(configFile), true);
  }
}
