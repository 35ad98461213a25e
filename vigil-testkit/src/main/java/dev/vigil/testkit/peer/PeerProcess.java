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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A peer binary serving HTTP on a free loopback port, with its combined output in a log file. The
 * lifecycle that {@link PrometheusServer} and {@link NodeExporter} share: start, wait until ready,
 * stop (SIGTERM, then SIGKILL after a grace period). A JVM shutdown hook kills the process if the
 * test JVM exits first.
 */
final class PeerProcess implements AutoCloseable {
  private static final int ATTEMPTS = 3;
  private static final int LOG_TAIL_BYTES = 8192;

  private final String name;
  private final Process process;
  private final int port;
  private final Path logFile;
  private final Duration stopGrace;
  private final Thread killer;

  private PeerProcess(String name, Process process, int port, Path logFile, Duration stopGrace) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.stopGrace = stopGrace;
    this.killer = new Thread(process::destroyForcibly, name + "-killer-" + port);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Runs {@code commandForPort} (given the port it must listen on) with its output in
   * {@code workDir/<name>-<port>.log}, and waits until {@code readyPath} answers 200, at most
   * {@code readyTimeout}. A free port can be taken between choosing it and the peer binding it, so
   * when the log says so, tries again on another port, {@value #ATTEMPTS} times in all.
   */
  static PeerProcess start(String name, IntFunction<List<String>> commandForPort, Path workDir,
      String readyPath, Duration readyTimeout, Duration stopGrace) {
    try {
      Files.createDirectories(workDir);
      PeerException last = null;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int port = freePort();
        Path log = workDir.resolve(name + "-" + port + ".log");
        Process process = new ProcessBuilder(commandForPort.apply(port))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        PeerProcess peer = new PeerProcess(name, process, port, log, stopGrace);
        try {
          peer.awaitReady(readyPath, readyTimeout);
          return peer;
        } catch (PeerException e) {
          peer.close();
          last = e;
          if (!peer.logTail().contains("address already in use")) {
            throw e;
          }
        }
      }
      throw last;
    } catch (IOException e) {
      throw new PeerException("cannot start " + name + ": " + e, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(String readyPath, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve(readyPath))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new PeerException(name + " exited with " + process.exitValue()
            + " before it was ready; log " + logFile + ":\n" + logTail());
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerException("interrupted while waiting for " + name, e);
      }
      if (System.nanoTime() > deadline) {
        throw new PeerException(name + " not ready within " + timeout + "; log " + logFile + ":\n" + logTail());
      }
      try {
        // Polling with a bounded deadline: the peers have no other readiness signal.
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerException("interrupted while waiting for " + name, e);
      }
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  Path logFile() {
    return logFile;
  }

  /** The last 8 KiB of the log, for failure messages. */
  String logTail() {
    try {
      byte[] all = Files.readAllBytes(logFile);
      int from = Math.max(0, all.length - LOG_TAIL_BYTES);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash: the process gets no chance to finish anything. Waits until it is gone. */
  void kill() {
    try {
      process.destroyForcibly().waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, wait up to the grace period, then SIGKILL. Idempotent. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // The JVM is already shutting down, or the hook was removed before.
      }
    }
  }
}
