package dev.vigil.web;

import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.tsdb.TsdbOptions;
import dev.vigil.web.api.BuildInfo;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to run a {@link VigilServer}: the data directory to serve and how it is kept, where to listen,
 * the engine's limits, and what {@code /api/v1/status/flags} and {@code /status/buildinfo} report.
 */
public record ServerOptions(Path tsdbPath, TsdbOptions storage, ListenAddress listenAddress,
    EngineOptions engineOptions, Map<String, String> flags, BuildInfo buildInfo) {

  public ServerOptions {
    flags = Map.copyOf(flags);
  }

  /** Serves {@code tsdbPath} on a free loopback port with default limits: what tests want. */
  public static ServerOptions loopback(Path tsdbPath) {
    return new ServerOptions(tsdbPath, TsdbOptions.DEFAULT, new ListenAddress("127.0.0.1", 0), EngineOptions.DEFAULTS, Map.of(),
        BuildInfo.current());
  }
}
