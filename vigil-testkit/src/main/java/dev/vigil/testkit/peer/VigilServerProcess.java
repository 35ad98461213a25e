package dev.vigil.testkit.peer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vigil server} in a process of its own, run from this JVM's class path (which must hold
 * vigil-cli), so tests can do to it what only happens to processes: SIGKILL it mid-write.
 */
public final class VigilServerProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "dev.vigil.cli.Vigil";
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final PeerProcess process;

  private VigilServerProcess(PeerProcess process) {
    this.process = process;
  }

  /**
   * Starts {@code vigil server} with {@code args} plus a free loopback listen address and waits until
   * {@code /-/ready} answers 200 (its WAL replayed), at most {@code readyTimeout}.
   */
  public static VigilServerProcess start(Path workDir, Duration readyTimeout, List<String> args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    return new VigilServerProcess(PeerProcess.start("vigil-server", port -> {
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classPath, MAIN_CLASS, "server",
          "--web.listen-address=127.0.0.1:" + port));
      command.addAll(args);
      return command;
    }, workDir, "/-/ready", readyTimeout, STOP_GRACE));
  }

  public URI baseUrl() {
    return process.baseUrl();
  }

  /** The server's combined output so far. */
  public String log() {
    return process.logTail();
  }

  public Path logFile() {
    return process.logFile();
  }

  /** SIGKILL: a crash, with whatever was being written left as it was. */
  public void kill() {
    process.kill();
  }

  /** SIGTERM, then SIGKILL after a grace period. Idempotent. */
  @Override
  public void close() {
    process.close();
  }
}
