package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.core.labels.Labels;
import dev.vigil.testkit.peer.VigilServerProcess;
import dev.vigil.tsdb.ReadOnlyTsdb;
import dev.vigil.tsdb.wal.WalSegment;
import dev.vigil.tsdb.wal.WalSegments;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a scraping vigil server, then a restart on the same directory: every sample the
 * WAL held at the kill is served afterwards, a torn last record is cut with a log line rather than a
 * crash, and kills in the middle of block cutting, compaction and WAL checkpoints never leave a block
 * that does not open, nor lose a sample that was queryable before the kill.
 */
class VigilCrashIT {
  private static final int SERIES = 300;
  private static final Duration READY = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static HttpServer target;
  private static final AtomicLong scrapes = new AtomicLong();

  @BeforeAll
  static void startTarget() throws Exception {
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext("/metrics", exchange -> {
      long n = scrapes.incrementAndGet();
      StringBuilder body = new StringBuilder(SERIES * 40);
      body.append("# TYPE crash_test_counter counter\n");
      for (int i = 0; i < SERIES; i++) {
        body.append("crash_test_counter{series=\"").append(i).append("\"} ").append(n * (i + 1)).append('\n');
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    target.start();
  }

  @AfterAll
  static void stopTarget() {
    target.stop(0);
  }

  private static Path config(String name) throws Exception {
    Path file = dir.resolve(name + ".yml");
    Files.writeString(file, "global:\n  scrape_interval: 100ms\n  scrape_timeout: 100ms\nscrape_configs:\n"
        + "  - job_name: crash\n    static_configs:\n      - targets: ['127.0.0.1:" + target.getAddress().getPort()
        + "']\n");
    return file;
  }

  /** Waits for scraping to begin (discovery hands targets over after up to 5 s), then lets it run for {@code d}. */
  /** Runs a server scraping with config {@code name} into {@code data} for {@code d}, then kills it with SIGKILL. */
  private static void scrapeThenKill(String name, Path data, Duration d) throws Exception {
    try (VigilServerProcess server = VigilServerProcess.start(dir.resolve("work-" + name), READY,
        List.of("--config.file=" + config(name), "--storage.tsdb.path=" + data))) {
      scrapeFor(d);
      server.kill();
    }
  }

  private static void scrapeFor(Duration d) throws InterruptedException {
    long before = scrapes.get();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (scrapes.get() == before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long started = scrapes.get();
    Thread.sleep(d.toMillis());
    assertThat(scrapes.get() - started).as("scrapes while running").isGreaterThan(3);
  }

  /** Every sample of every series the WAL names, as the restarted server serves it. */
  private static void assertServesExactly(VigilServerProcess server, WalContents wal) throws Exception {
    long seconds = 3600;
    for (String name : List.of("crash_test_counter", "up", "scrape_samples_scraped", "scrape_duration_seconds")) {
      Map<Labels, List<WalInteropIT.Point>> expected = wal.named(name);
      assertThat(expected).as("the WAL holds %s", name).isNotEmpty();
      assertThat(WalInteropIT.rawSamples(server.baseUrl(), name, wal.maxTime(), seconds))
          .as("samples of %s after the restart", name).isEqualTo(expected);
    }
  }

  @Test
  void everySampleInTheWalAtAKillIsServedAfterTheRestart() throws Exception {
    Path data = dir.resolve("killed");
    scrapeThenKill("a", data, Duration.ofSeconds(3));
    WalContents wal = WalContents.read(data.resolve("wal"));
    wal.torn().ifPresent(e -> assertThat(e.inLastSegment()).as("only the tail may be torn: %s", e.getMessage()).isTrue());
    assertThat(wal.named("crash_test_counter")).hasSize(SERIES);
    try (VigilServerProcess restarted = VigilServerProcess.start(dir.resolve("work-a2"), READY,
        List.of("--storage.tsdb.path=" + data))) {
      assertServesExactly(restarted, wal);
    }
  }

  @Test
  void aTornLastRecordIsCutWithALogLineAndEverythingBeforeItServed() throws Exception {
    Path data = dir.resolve("torn");
    scrapeThenKill("b", data, Duration.ofSeconds(2));
    tearLastRecord(data.resolve("wal"));
    WalContents wal = WalContents.read(data.resolve("wal"));
    assertThat(wal.torn()).as("the last record is torn").isPresent();
    try (VigilServerProcess restarted = VigilServerProcess.start(dir.resolve("work-b2"), READY,
        List.of("--storage.tsdb.path=" + data))) {
      assertServesExactly(restarted, wal);
      assertThat(Files.readString(restarted.logFile())).contains("WAL corruption");
    }
  }

  /** Cuts the last few bytes off the newest non-empty segment, as a crash in the middle of a write would. */
  private static void tearLastRecord(Path walDir) throws Exception {
    List<WalSegment> segments = new ArrayList<>(WalSegments.list(walDir));
    for (int i = segments.size() - 1; i >= 0; i--) {
      Path file = segments.get(i).file();
      long size = Files.size(file);
      if (size > 16) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(size - 5);
        }
        return;
      }
    }
    throw new AssertionError("no WAL segment with data in " + walDir);
  }

  @Test
  void killsWhileCuttingAndCompactingBlocksLeaveOnlyWholeBlocksAndLoseNothingQueryable() throws Exception {
    Path data = dir.resolve("cutting");
    List<String> args = List.of("--config.file=" + config("c"), "--storage.tsdb.path=" + data,
        // One-second blocks: the head is cut, blocks compacted and the WAL checkpointed all the time.
        "--storage.tsdb.min-block-duration=1s", "--storage.tsdb.max-block-duration=9s");
    Map<Labels, List<WalInteropIT.Point>> before = Map.of();
    for (int round = 0; round < 3; round++) {
      try (VigilServerProcess server = VigilServerProcess.start(dir.resolve("work-c" + round), READY, args)) {
        Map<Labels, List<WalInteropIT.Point>> afterRestart = everything(server);
        before.forEach((labels, points) -> assertThat(afterRestart.get(labels))
            .as("round %s: samples of %s queryable before the kill", labels).containsAll(points));
        assertThat(Files.readString(server.logFile())).doesNotContain("skipping unreadable block");
        scrapeFor(Duration.ofMillis(2_500 + 700L * round));
        before = everything(server);
        server.kill();
      }
    }
    try (ReadOnlyTsdb blocks = ReadOnlyTsdb.open(data)) {
      assertThat(blocks.skipped()).as("blocks that do not open").isEmpty();
      assertThat(blocks.blocks()).as("blocks cut").isNotEmpty();
    }
    if (dev.vigil.testkit.peer.Promtool.isAvailable()) {
      dev.vigil.testkit.peer.Promtool.Result list = ItPeers.promtool().run(Interop.TIMEOUT, "tsdb", "list",
          data.toString());
      assertThat(list.ok()).as("promtool tsdb list: %s", list.describe()).isTrue();
    }
  }

  private static Map<Labels, List<WalInteropIT.Point>> everything(VigilServerProcess server) throws Exception {
    return WalInteropIT.rawSamples(server.baseUrl(), "crash_test_counter", System.currentTimeMillis() + 1_000, 3600);
  }
}
