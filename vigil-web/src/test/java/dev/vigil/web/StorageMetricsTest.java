package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.tsdb.Tsdb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageMetricsTest {
  @TempDir
  Path data;

  @Test
  void metricsDescribeTheOpenedStorage() throws Exception {
    try (Tsdb seeded = Tsdb.open(data, 7_200_000L, w -> { })) {
      var app = seeded.head().appender();
      app.append(0, dev.vigil.core.labels.Labels.of("__name__", "up"), 1000, 1);
      app.commit();
      try {
        seeded.head().appender().append(0, dev.vigil.core.labels.Labels.of("__name__", "up"), 500, 1);
      } catch (dev.vigil.core.storage.SampleRejectedException expected) {
        // Counted by this head only; the server's head replays the log afresh.
      }
    }
    try (VigilServer server = VigilServer.start(ServerOptions.loopback(data))) {
      String metrics = new Http(server.baseUrl()).get("/metrics").body();
      assertThat(metrics).contains("vigil_tsdb_head_series 1.0", "vigil_tsdb_head_max_time 1000.0",
          "vigil_tsdb_blocks_loaded 0.0", "vigil_tsdb_rejected_samples_total{reason=\"out_of_order\"} 0.0",
          "vigil_tsdb_head_samples_appended_total 0.0", "vigil_tsdb_blocks_cut_total 0.0",
          "vigil_tsdb_wal_segment_current 1.0");
    }
  }
}
