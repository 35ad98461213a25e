package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.labels.Labels;
import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.tsdb.wal.SampleRecord;
import dev.vigil.tsdb.wal.SeriesRecord;
import dev.vigil.tsdb.wal.Wal;
import dev.vigil.tsdb.wal.WalCheckpoint;
import dev.vigil.tsdb.wal.WalCorruptionException;
import dev.vigil.tsdb.wal.WalReader;
import dev.vigil.tsdb.wal.WalRecordType;
import dev.vigil.tsdb.wal.WalRecords;
import dev.vigil.tsdb.wal.WalReplay;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAL both ways with real Prometheus 2.42: Prometheus replays a WAL Vigil wrote and serves exactly
 * its samples; Vigil reads every record of a WAL Prometheus wrote while scraping and was killed, and
 * its samples equal what the restarted Prometheus serves.
 */
class WalInteropIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(WalInteropIT.class);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir static Path dir;

  /** A point as Prometheus serves it: milliseconds and the value string. */
  record Point(long t, String v) {}

  @BeforeAll
  static void requirePrometheus() {
    ItPeers.prometheus();
  }

  /** 100 series with a sample every 15 s over the last half hour (so a replayed head keeps them all). */
  private static Map<Labels, List<Point>> writeHalfAnHour(Wal wal, Random random, long end) throws IOException {
    long start = end - 30 * 60_000;
    Map<Labels, List<Point>> expected = new TreeMap<>();
    List<SeriesRecord> series = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      series.add(new SeriesRecord(i + 1, Labels.of("__name__", "vigil_wal_test", "series", Integer.toString(i))));
    }
    wal.log(WalRecords.encodeSeries(series));
    for (long t = start; t <= end; t += 15_000) {
      List<SampleRecord> batch = new ArrayList<>();
      for (SeriesRecord s : series) {
        double v = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextGaussian() * 1e3;
        batch.add(new SampleRecord(s.ref(), t - random.nextInt(1000), v));
      }
      wal.log(WalRecords.encodeSamples(batch));
      for (int i = 0; i < batch.size(); i++) {
        expected.computeIfAbsent(series.get(i).labels(), k -> new ArrayList<>())
            .add(new Point(batch.get(i).t(), PrometheusServesVigilBlocksIT.promValue(batch.get(i).v())));
      }
    }
    wal.sync();
    return expected;
  }

  private static void assertServes(PrometheusServer prometheus, Map<Labels, List<Point>> expected, long end)
      throws Exception {
    Map<Labels, List<Point>> served = rawSamples(prometheus.baseUrl(), "vigil_wal_test", end, 40 * 60);
    assertThat(served.keySet()).as("%s: series", SEEDS).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<Labels, List<Point>> e : expected.entrySet()) {
      assertThat(served.get(e.getKey())).as("%s: samples of %s", SEEDS, e.getKey())
          .containsExactlyElementsOf(e.getValue());
    }
  }

  @Test
  void prometheusReplaysAWalVigilWroteAndServesExactlyItsSamples() throws Exception {
    Path data = dir.resolve("vigil-wrote");
    long end = System.currentTimeMillis() / 1000 * 1000 - 60_000;
    Map<Labels, List<Point>> expected;
    try (Wal wal = Wal.open(data.resolve("wal"))) {
      expected = writeHalfAnHour(wal, new Random(SEEDS.seed()), end);
    }
    try (PrometheusServer prometheus = PrometheusServer.start(data, dir.resolve("work-a"))) {
      assertServes(prometheus, expected, end);
    }
  }

  /**
   * After Vigil checkpoints the older segments (dropping samples before a cut-off) and truncates them,
   * Prometheus replays the checkpoint and the rest and serves exactly what remains.
   */
  @Test
  void prometheusReplaysACheckpointVigilWrote() throws Exception {
    Path data = dir.resolve("vigil-checkpointed");
    Path walDir = data.resolve("wal");
    long end = System.currentTimeMillis() / 1000 * 1000 - 60_000;
    long mint = end - 15 * 60_000;
    Map<Labels, List<Point>> written;
    try (Wal wal = Wal.open(walDir, 2 * Wal.PAGE_SIZE)) {
      written = writeHalfAnHour(wal, new Random(SEEDS.seed()), end);
      int to = wal.activeSegment() / 2;
      WalCheckpoint.write(walDir, to, ref -> true, mint);
      wal.truncate(to + 1);
    }
    Map<Labels, List<Point>> expected = new TreeMap<>();
    int[] dropped = {0};
    Map<Long, Labels> byRef = new HashMap<>();
    try (WalReader reader = WalReplay.open(walDir)) {
      while (reader.next()) {
        byte[] record = reader.record();
        if (WalRecordType.of(record) == WalRecordType.SERIES) {
          WalRecords.decodeSeries(record, reader.segment().file(), reader.offset())
              .forEach(s -> byRef.put(s.ref(), s.labels()));
        } else if (WalRecordType.of(record) == WalRecordType.SAMPLES) {
          for (SampleRecord s : WalRecords.decodeSamples(record, reader.segment().file(), reader.offset())) {
            expected.computeIfAbsent(byRef.get(s.ref()), k -> new ArrayList<>())
                .add(new Point(s.t(), PrometheusServesVigilBlocksIT.promValue(s.v())));
          }
        }
      }
    }
    written.forEach((labels, points) -> dropped[0] += points.size() - expected.get(labels).size());
    assertThat(dropped[0]).as("samples the checkpoint dropped before its cut-off").isPositive();
    try (PrometheusServer prometheus = PrometheusServer.start(data, dir.resolve("work-checkpoint"))) {
      assertServes(prometheus, expected, end);
    }
  }

  @Test
  void vigilReadsEveryRecordOfAWalPrometheusWroteAndKilledMidFlight() throws Exception {
    Path data = dir.resolve("prometheus-wrote");
    Path work = dir.resolve("work-b");
    PrometheusServer scraper = PrometheusServer.start(data, work, Duration.ofSeconds(60),
        // Default flags otherwise: 2.42 snappy-compresses WAL records, which Vigil's reader decodes.
        List.of("--web.enable-lifecycle"));
    try {
      // The test kit writes a config without scrape jobs; give this one a job scraping itself and reload.
      Files.writeString(work.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n"
          + "scrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ['127.0.0.1:"
          + scraper.port() + "']\n", StandardCharsets.UTF_8);
      HttpResponse<String> reload = HTTP.send(HttpRequest.newBuilder(scraper.baseUrl().resolve("/-/reload"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(reload.statusCode()).as("reload: %s", reload.body()).isEqualTo(200);
      // Ten seconds of 1s scrapes: a few thousand samples of a few hundred series.
      Thread.sleep(10_000);
      killHard(scraper);
    } finally {
      scraper.close();
    }

    WalContents wal = WalContents.read(data.resolve("wal"));
    // A kill between two page writes of one batch tears its last record; Prometheus repairs that too.
    wal.torn().ifPresent(e -> assertThat(e.inLastSegment()).as("only the tail may be torn: %s", e.getMessage()).isTrue());
    Map<Labels, List<Point>> read = wal.samples();
    long maxT = wal.maxTime();
    assertThat(wal.types().keySet()).as("record types").containsOnly(WalRecordType.SERIES, WalRecordType.SAMPLES);
    assertThat(read.keySet()).as("series read from the WAL").hasSizeGreaterThan(100);

    // vigil server on a copy of the killed Prometheus's directory: the drop-in case.
    Path vigilData = dir.resolve("prometheus-wrote-for-vigil");
    Interop.copyTree(data, vigilData);
    List<String> names = List.of("up", "scrape_duration_seconds", "prometheus_tsdb_head_series",
        "go_goroutines", "process_cpu_seconds_total");
    try (PrometheusServer restarted = PrometheusServer.start(data, dir.resolve("work-c"));
        VigilServer vigil = VigilServer.start(ServerOptions.loopback(vigilData))) {
      for (String name : names) {
        Map<Labels, List<Point>> expected = wal.named(name);
        assertThat(expected).as("the WAL holds %s", name).isNotEmpty();
        assertThat(rawSamples(restarted.baseUrl(), name, maxT, 300)).as("Prometheus: samples of %s", name)
            .isEqualTo(expected);
        assertThat(rawSamples(vigil.baseUrl(), name, maxT, 300)).as("vigil server: samples of %s", name)
            .isEqualTo(expected);
      }
    }
  }

  /**
   * SIGKILL, so Prometheus gets no chance to finish its last page; the process is this JVM's child,
   * told apart from other children by the port it listens on.
   */
  private static void killHard(PrometheusServer server) throws InterruptedException {
    String listen = "--web.listen-address=127.0.0.1:" + server.port();
    ProcessHandle child = ProcessHandle.current().children()
        .filter(p -> p.info().arguments().map(args -> List.of(args).contains(listen)).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no child process listens with " + listen));
    child.destroyForcibly();
    child.onExit().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** Every raw sample of the metric {@code name} in the {@code seconds} before {@code at}. */
  static Map<Labels, List<Point>> rawSamples(URI server, String name, long at, long seconds)
      throws IOException, InterruptedException {
    String url = server + "/api/v1/query?query="
        + URLEncoder.encode("{__name__=\"" + name + "\"}[" + seconds + "s]", StandardCharsets.UTF_8)
        + "&time=" + Interop.seconds(at);
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).as("GET %s: %s", url, body).isEqualTo(200);
    Map<Labels, List<Point>> out = new TreeMap<>();
    for (JsonNode series : body.path("data").path("result")) {
      Map<String, String> labels = new HashMap<>();
      series.path("metric").properties().forEach(f -> labels.put(f.getKey(), f.getValue().asText()));
      List<Point> points = new ArrayList<>();
      for (JsonNode p : series.path("values")) {
        points.add(new Point(p.get(0).decimalValue().movePointRight(3).longValueExact(), p.get(1).asText()));
      }
      out.put(Labels.fromMap(labels), points);
    }
    return out;
  }
}
