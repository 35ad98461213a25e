package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import dev.vigil.testkit.peer.PrometheusServer;
import dev.vigil.testkit.peer.Promtool;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.TsdbOptions;
import dev.vigil.tsdb.wal.Checkpoints;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory Vigil's storage kept for ten hours, cutting 2h blocks from its head and
 * checkpointing and truncating its WAL as it went, is one real Prometheus 2.42 opens and serves
 * sample for sample, as Vigil does; promtool accepts every block.
 */
class HeadCompactionInteropIT {
  @RegisterExtension static final Seeds SEEDS = Seeds.forClass(HeadCompactionInteropIT.class);
  private static final long HOUR = 3600_000L;
  private static final String NAME = "vigil_cut_test";

  @TempDir static Path dir;

  @BeforeAll
  static void requirePeers() {
    ItPeers.prometheus();
  }

  @Test
  void prometheusServesExactlyWhatVigilCutIntoBlocksAndKeptInItsWal() throws Exception {
    Path data = dir.resolve("vigil-kept");
    long end = System.currentTimeMillis() / 1000 * 1000 - 60_000;
    long start = end - 10 * HOUR;
    Random random = new Random(SEEDS.seed());
    Map<Labels, List<WalInteropIT.Point>> expected = new TreeMap<>();
    List<BlockMeta> cut = new ArrayList<>();
    try (Tsdb tsdb = Tsdb.open(data, new TsdbOptions(2 * HOUR, 2 * HOUR, TsdbOptions.FIFTEEN_DAYS, 0), w -> { })) {
      for (long t = start; t <= end; t += 15_000) {
        Appender app = tsdb.appender();
        for (int i = 0; i < 50; i++) {
          // Some series stop halfway, so the head garbage-collects them after the cuts.
          if (i % 10 == 0 && t > start + 3 * HOUR) {
            continue;
          }
          Labels labels = Labels.of("__name__", NAME, "series", Integer.toString(i));
          long ts = t - random.nextInt(1000);
          double v = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextGaussian() * 1e3;
          app.append(0, labels, ts, v);
          expected.computeIfAbsent(labels, k -> new ArrayList<>())
              .add(new WalInteropIT.Point(ts, PrometheusServesVigilBlocksIT.promValue(v)));
        }
        app.commit();
        if ((t - start) % (30 * 60_000) == 0) {
          cut.addAll(tsdb.compact());
        }
      }
      cut.addAll(tsdb.compact());
    }
    assertThat(cut).as("blocks cut from the head").hasSizeGreaterThanOrEqualTo(2);
    assertThat(Checkpoints.last(data.resolve("wal"))).as("a WAL checkpoint").isPresent();
    for (BlockMeta meta : cut) {
      Promtool.Result list = ItPeers.promtool().run(Interop.TIMEOUT, "tsdb", "analyze", data.toString(), meta.ulid());
      assertThat(list.ok()).as("promtool tsdb analyze %s: %s", meta.ulid(), list.describe()).isTrue();
    }

    Path forPrometheus = dir.resolve("copy-for-prometheus");
    Interop.copyTree(data, forPrometheus);
    try (PrometheusServer prometheus = PrometheusServer.start(forPrometheus, dir.resolve("work-prometheus"));
        VigilServer vigil = VigilServer.start(ServerOptions.loopback(data))) {
      long seconds = (end - start) / 1000 + 60;
      assertThat(WalInteropIT.rawSamples(prometheus.baseUrl(), NAME, end, seconds))
          .as("%s: Prometheus serves what Vigil kept", SEEDS).isEqualTo(expected);
      assertThat(WalInteropIT.rawSamples(vigil.baseUrl(), NAME, end, seconds))
          .as("%s: Vigil reopened serves what it kept", SEEDS).isEqualTo(expected);
    }
  }
}
