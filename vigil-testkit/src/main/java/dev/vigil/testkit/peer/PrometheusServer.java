package dev.vigil.testkit.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (2.42 on Debian) over a given data directory, listening on a free
 * loopback port, for tests that compare Vigil with what Prometheus serves. Close it to stop it:
 * SIGTERM, then SIGKILL after a grace period. A JVM shutdown hook kills it if the test JVM exits
 * first.
 *
 * <p>Flags chosen so that Prometheus serves test blocks as they are:
 *
 * <ul>
 *   <li>{@code --storage.tsdb.retention.time=100y}: time retention counts back from the newest block,
 *       but a generous value keeps old test data whatever the span.
 *   <li>{@code --storage.tsdb.min-block-duration=2h --storage.tsdb.max-block-duration=2h} (hidden
 *       flags): the compactor has a single range, so it never merges the blocks under test.
 *   <li>A minimal config with no scrape jobs, so the head stays empty.
 * </ul>
 *
 * Prometheus loads blocks at start-up: put them into the data directory before {@link #start}.
 */
public final class PrometheusServer implements AutoCloseable {
  public static final String NAME = "prometheus";

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final Path logFile;
  private final Thread killer;

  private PrometheusServer(Process process, int port, Path dataDir, Path logFile) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.killer = new Thread(process::destroyForcibly, "prometheus-killer-" + port);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** The prometheus binary: system property {@code vigil.prometheus}, then PATH, then /usr/bin. */
  public static Optional<Path> locate() {
    return Executables.locate(NAME);
  }

  public static boolean isAvailable() {
    return locate().isPresent();
  }

  /** Starts Prometheus over {@code dataDir}; config and log go to {@code workDir}; waits up to 60s. */
  public static PrometheusServer start(Path dataDir, Path workDir) {
    return start(dataDir, workDir, Duration.ofSeconds(60), List.of());
  }

  /**
   * Starts Prometheus over {@code dataDir} (created if needed) with the flags in the class comment
   * plus {@code extraArgs}, and waits until {@code /-/ready} answers 200, at most {@code readyTimeout}.
   * Retries twice on another port if the chosen one was taken meanwhile.
   */
  public static PrometheusServer start(
      Path dataDir, Path workDir, Duration readyTimeout, List<String> extraArgs) {
    Path binary = locate().orElseThrow(() -> new PeerException("prometheus not found on PATH or in /usr/bin"));
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(workDir);
      Path config = workDir.resolve("prometheus.yml");
      Files.writeString(config, "# Written by Vigil's tests: no scrape jobs, the data comes from blocks.\n"
          + "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n", StandardCharsets.UTF_8);
      PeerException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        Path log = workDir.resolve("prometheus-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
            binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dataDir,
            "--web.listen-address=127.0.0.1:" + port,
            "--storage.tsdb.retention.time=100y",
            "--storage.tsdb.min-block-duration=2h",
            "--storage.tsdb.max-block-duration=2h"));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        PrometheusServer server = new PrometheusServer(process, port, dataDir, log);
        try {
          server.awaitReady(readyTimeout);
          return server;
        } catch (PeerException e) {
          server.close();
          last = e;
          if (!server.logTail().contains("address already in use")) {
            throw e;
          }
        }
      }
      throw last;
    } catch (IOException e) {
      throw new PeerException("cannot start prometheus: " + e, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve("/-/ready"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new PeerException("prometheus exited with " + process.exitValue()
            + " before it was ready; log " + logFile + ":\n" + logTail());
      }
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerException("interrupted while waiting for prometheus", e);
      }
      if (System.nanoTime() > deadline) {
        throw new PeerException("prometheus not ready within " + timeout + "; log " + logFile + ":\n" + logTail());
      }
      try {
        // Polling with a bounded deadline: Prometheus has no other readiness signal.
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerException("interrupted while waiting for prometheus", e);
      }
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Prometheus's combined stdout and stderr. */
  public Path logFile() {
    return logFile;
  }

  /** The last 8 KiB of the log, for failure messages. */
  public String logTail() {
    try {
      byte[] all = Files.readAllBytes(logFile);
      int from = Math.max(0, all.length - 8192);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, wait up to 15s, then SIGKILL. Idempotent. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // JVM already shutting down, or removed before
      }
    }
  }
}
