package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.web.api.BuildInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupReadinessTest {
  @TempDir
  Path data;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Polls until the server answers at all, bounded in time. */
  private static Http.Answer firstAnswer(Http http, String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return http.get(path);
      } catch (RuntimeException notListeningYet) {
        if (System.nanoTime() > deadline) {
          throw notListeningYet;
        }
        Thread.sleep(20);
      }
    }
  }

  @Test
  void isHealthyButNotReadyWhileItsStorageOpens() throws Exception {
    int port = freePort();
    ServerOptions options = new ServerOptions(data, dev.vigil.tsdb.TsdbOptions.DEFAULT, new ListenAddress("127.0.0.1", port), EngineOptions.DEFAULTS,
        Map.of(), BuildInfo.current(), java.util.Optional.empty(), false);
    CountDownLatch replayDone = new CountDownLatch(1);
    CompletableFuture<VigilServer> started = CompletableFuture.supplyAsync(() -> {
      try {
        return VigilServer.start(options, () -> {
          try {
            replayDone.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("replay interrupted");
          }
          return Tsdb.open(data, 7_200_000L, w -> { });
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Http http = new Http(URI.create("http://127.0.0.1:" + port));
    try {
      assertThat(firstAnswer(http, "/-/healthy").status()).isEqualTo(200);
      Http.Answer ready = http.get("/-/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("Service Unavailable");
      assertThat(http.get("/api/v1/query?query=1").status()).isEqualTo(503);
    } finally {
      replayDone.countDown();
    }
    try (VigilServer server = started.get(10, TimeUnit.SECONDS)) {
      assertThat(http.get("/-/ready").status()).isEqualTo(200);
      assertThat(http.get("/api/v1/query?query=1").status()).isEqualTo(200);
    }
  }
}
