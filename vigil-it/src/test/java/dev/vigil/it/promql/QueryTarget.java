package dev.vigil.it.promql;

import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** A running server that answers Prometheus's query API: its name in reports, where it listens, how to stop it. */
record QueryTarget(String name, URI baseUrl, Runnable stop) implements AutoCloseable {
  /** Real Prometheus over the blocks in {@code dataDir}. */
  static QueryTarget prometheus(String name, Path dataDir, Path workDir) {
    PrometheusServer server = PrometheusServer.start(dataDir, workDir);
    return new QueryTarget(name, server.baseUrl(), server::close);
  }

  /** Vigil's query API, in this JVM, over the blocks in {@code dataDir}. */
  static QueryTarget vigil(String name, Path dataDir) throws IOException {
    VigilServer server = VigilServer.start(ServerOptions.loopback(dataDir));
    return new QueryTarget(name, server.baseUrl(), server::close);
  }

  @Override
  public void close() {
    stop.run();
  }
}
