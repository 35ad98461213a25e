package dev.vigil.it;

import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Real Prometheus 2.42 and vigil server started with one prometheus.yml, each with a data directory
 * of its own under {@code dir}, and a client for each one's API.
 */
record SideBySideServers(PrometheusServer prometheus, VigilServer vigil, ApiClient prometheusApi,
    ApiClient vigilApi) implements AutoCloseable {

  static SideBySideServers start(Path dir, String config) throws Exception {
    Path configFile = dir.resolve("prometheus.yml");
    Files.writeString(configFile, config);
    PrometheusServer prometheus = PrometheusServer.start(dir.resolve("prometheus-data"),
        dir.resolve("prometheus-work"), Duration.ofSeconds(60), List.of(), config);
    try {
      VigilServer vigil = VigilServer.start(ServerOptions.loopback(dir.resolve("vigil-data")).withConfigFile(configFile));
      return new SideBySideServers(prometheus, vigil, new ApiClient(prometheus.baseUrl()), new ApiClient(vigil.baseUrl()));
    } catch (Exception | Error e) {
      prometheus.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      vigil.close();
    } finally {
      prometheus.close();
    }
  }
}
