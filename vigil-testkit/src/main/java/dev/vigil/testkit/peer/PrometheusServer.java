package dev.vigil.testkit.peer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
  private static final String NO_JOBS = "# Written by Vigil's tests: no scrape jobs, the data comes from blocks.\n"
      + "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\n";

  private final PeerProcess process;
  private final Path dataDir;

  private PrometheusServer(PeerProcess process, Path dataDir) {
    this.process = process;
    this.dataDir = dataDir;
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
    return start(dataDir, workDir, readyTimeout, extraArgs, NO_JOBS);
  }

  /** As {@link #start(Path, Path, Duration, List)}, with {@code configText} as its prometheus.yml. */
  public static PrometheusServer start(
      Path dataDir, Path workDir, Duration readyTimeout, List<String> extraArgs, String configText) {
    Path binary = locate().orElseThrow(() -> new PeerException("prometheus not found on PATH or in /usr/bin"));
    Path config = writeConfig(dataDir, workDir, configText);
    PeerProcess process = PeerProcess.start(NAME, port -> {
      List<String> command = new ArrayList<>(List.of(
          binary.toString(),
          "--config.file=" + config,
          "--storage.tsdb.path=" + dataDir,
          "--web.listen-address=127.0.0.1:" + port,
          "--storage.tsdb.retention.time=100y",
          "--storage.tsdb.min-block-duration=2h",
          "--storage.tsdb.max-block-duration=2h"));
      command.addAll(extraArgs);
      return command;
    }, workDir, "/-/ready", readyTimeout, STOP_GRACE);
    return new PrometheusServer(process, dataDir);
  }

  /** Creates both directories and writes {@code workDir/prometheus.yml}; returns its path. */
  private static Path writeConfig(Path dataDir, Path workDir, String configText) {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(workDir);
      Path config = workDir.resolve("prometheus.yml");
      Files.writeString(config, configText, StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new PeerException("cannot start prometheus: " + e, e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI baseUrl() {
    return process.baseUrl();
  }

  public int port() {
    return process.port();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Prometheus's combined stdout and stderr. */
  public Path logFile() {
    return process.logFile();
  }

  /** The last 8 KiB of the log, for failure messages. */
  public String logTail() {
    return process.logTail();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, wait up to 15s, then SIGKILL. Idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
