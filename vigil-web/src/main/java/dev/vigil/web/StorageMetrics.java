package dev.vigil.web;

import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.tsdb.Tsdb;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;

/**
 * The storage's state on {@code /metrics}, read when scraped, named like Prometheus's
 * {@code prometheus_tsdb_*} families under Vigil's prefix: head series and time range, samples the
 * head refused by reason, and blocks loaded.
 */
final class StorageMetrics {
  private StorageMetrics() {}

  static void register(PrometheusRegistry registry, Tsdb tsdb) {
    GaugeWithCallback.builder()
        .name("vigil_tsdb_head_series")
        .help("Series in the head block.")
        .callback(cb -> cb.call(tsdb.head().numSeries()))
        .register(registry);
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
    GaugeWithCallback.builder()
        .name("vigil_tsdb_blocks_loaded")
        .help("Blocks the server reads from.")
        .callback(cb -> cb.call(tsdb.blocks().size()))
        .register(registry);
  }
}
