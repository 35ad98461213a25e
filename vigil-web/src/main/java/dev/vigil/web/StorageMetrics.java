package dev.vigil.web;

import static dev.vigil.web.MetricCallbacks.counter;
import static dev.vigil.web.MetricCallbacks.gauge;

import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.compact.TsdbMaintenance;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;

/**
 * The storage's state on {@code /metrics}, read when scraped, named like Prometheus's
 * {@code prometheus_tsdb_*} families under Vigil's prefix: head series and time range, samples
 * appended and refused by reason, series created and removed, blocks loaded and cut, WAL checkpoints
 * and the current segment.
 */
final class StorageMetrics {
  private StorageMetrics() {}

  static void register(PrometheusRegistry registry, Tsdb tsdb, TsdbMaintenance maintenance) {
    gauge(registry, "vigil_tsdb_head_series", "Series in the head block.", () -> tsdb.head().numSeries());
    gauge(registry, "vigil_tsdb_head_open_chunk_bytes", "Bytes of the slots holding the head's open chunks.",
        () -> tsdb.head().openChunkBytes());
    gauge(registry, "vigil_tsdb_head_open_chunk_page_bytes",
        "Bytes of the pages the open chunks' slots are carved from, in use or kept for reuse.",
        () -> tsdb.head().openChunkPageBytes());
    GaugeWithCallback.builder()
        .name("vigil_tsdb_head_min_time")
        .help("Time of the head's oldest sample, in milliseconds.")
        .callback(cb -> {
          if (tsdb.head().minTime() != Long.MAX_VALUE) {
            cb.call(tsdb.head().minTime());
          }
        })
        .register(registry);
    GaugeWithCallback.builder()
        .name("vigil_tsdb_head_max_time")
        .help("Time of the head's newest sample, in milliseconds.")
        .callback(cb -> {
          if (tsdb.head().maxTime() != Long.MIN_VALUE) {
            cb.call(tsdb.head().maxTime());
          }
        })
        .register(registry);
    CounterWithCallback.builder()
        .name("vigil_tsdb_rejected_samples_total")
        .help("Samples the head refused, by reason (out_of_order, duplicate_timestamp, out_of_bounds).")
        .labelNames("reason")
        .callback(cb -> {
          for (SampleRejectedException.Reason reason : SampleRejectedException.Reason.values()) {
            cb.call(tsdb.head().rejectedSamples(reason), reason.name().toLowerCase(Locale.ROOT));
          }
        })
        .register(registry);
    counter(registry, "vigil_tsdb_head_samples_appended_total", "Samples added to the head.",
        () -> tsdb.head().samplesAppended());
    counter(registry, "vigil_tsdb_head_series_created_total", "Series created in the head by appends.",
        () -> tsdb.head().seriesCreated());
    counter(registry, "vigil_tsdb_head_series_removed_total", "Series garbage-collected from the head.",
        () -> tsdb.head().seriesRemoved());
    counter(registry, "vigil_tsdb_blocks_cut_total", "Blocks written from the head.", tsdb::blocksCut);
    counter(registry, "vigil_tsdb_compactions_failed_total", "Background compaction runs that failed.",
        maintenance::failures);
    counter(registry, "vigil_tsdb_compactions_total", "Blocks written by compacting other blocks.",
        maintenance::compactions);
    counter(registry, "vigil_tsdb_blocks_deleted_total",
        "Blocks deleted by retention, after compaction into others, or marked deletable.", maintenance::deletions);
    counter(registry, "vigil_tsdb_checkpoint_creations_total", "WAL checkpoints written.", tsdb::walCheckpoints);
    gauge(registry, "vigil_tsdb_wal_segment_current", "Index of the WAL segment being written.",
        () -> tsdb.head().walSegment());
    gauge(registry, "vigil_tsdb_blocks_loaded", "Blocks the server reads from.", () -> tsdb.blocks().size());
  }
}
