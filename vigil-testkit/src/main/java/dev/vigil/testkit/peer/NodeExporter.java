package dev.vigil.testkit.peer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real Prometheus node exporter (1.5 on Debian, binary {@code prometheus-node-exporter}) on a free
 * loopback port, as a scrape target whose exposition Vigil must read as Prometheus does. Close it to
 * stop it (SIGTERM, then SIGKILL); a JVM shutdown hook kills it if the test JVM exits first.
 */
public final class NodeExporter implements AutoCloseable {
  public static final String NAME = "prometheus-node-exporter";

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final PeerProcess process;

  private NodeExporter(PeerProcess process) {
    this.process = process;
  }

  /** The binary: system property {@code vigil.prometheus-node-exporter}, then PATH, then /usr/bin. */
  public static Optional<Path> locate() {
    return Executables.locate(NAME);
  }

  public static boolean isAvailable() {
    return locate().isPresent();
  }

  /**
   * Starts the exporter with its default collectors, logging to {@code workDir}, and waits until
   * {@code /metrics} answers 200, at most {@code readyTimeout}. Tries three ports, in case the free
   * one it picked is taken meanwhile.
   */
  public static NodeExporter start(Path workDir, Duration readyTimeout) {
    Path binary = locate().orElseThrow(() -> new PeerException(NAME + " not found on PATH or in /usr/bin"));
    return new NodeExporter(PeerProcess.start(
        NAME,
        port -> List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port),
        workDir, "/metrics", readyTimeout, STOP_GRACE));
  }

  /** {@code http://127.0.0.1:<port>/metrics}. */
  public URI metricsUrl() {
    return process.baseUrl().resolve("/metrics");
  }

  /** The last 8 KiB of the exporter's combined output, for failure messages. */
  public String logTail() {
    return process.logTail();
  }

  /** SIGTERM, wait up to 10s, then SIGKILL. Idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
