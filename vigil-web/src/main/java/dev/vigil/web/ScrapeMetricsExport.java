package dev.vigil.web;

import static dev.vigil.web.MetricCallbacks.counter;

import dev.vigil.scrape.loop.ScrapeManager;
import dev.vigil.scrape.loop.ScrapeMetrics;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;

/**
 * Scraping on {@code /metrics}, named like Prometheus's {@code prometheus_target_*} families under
 * Vigil's prefix: active targets per pool, scrapes and failures by kind, samples appended, samples refused by reason or limit,
 * pools created, reloaded and failed.
 */
final class ScrapeMetricsExport {
  private ScrapeMetricsExport() {}

  static void register(PrometheusRegistry registry, ScrapeManager scrapes) {
    ScrapeMetrics m = scrapes.metrics();
    GaugeWithCallback.builder()
        .name("vigil_target_scrape_pool_targets")
        .help("Active targets per scrape pool.")
        .labelNames("scrape_job")
        .callback(cb -> scrapes.activeTargets().forEach((job, targets) -> cb.call(targets.size(), job)))
        .register(registry);
    counter(registry, "vigil_target_scrapes_total", "Scrapes attempted.", m::scrapes);
    CounterWithCallback.builder()
        .name("vigil_target_scrapes_failed_total")
        .help("Scrapes that failed, by kind (fetch, body, target_limit).")
        .labelNames("kind")
        .callback(cb -> {
          for (ScrapeMetrics.FailureKind kind : ScrapeMetrics.FailureKind.values()) {
            cb.call(m.failedScrapes(kind), kind.name().toLowerCase(Locale.ROOT));
          }
        })
        .register(registry);
    counter(registry, "vigil_target_samples_appended_total", "Scraped samples appended to storage.",
        m::samplesAppended);
    counter(registry, "vigil_target_scrapes_exceeded_sample_limit_total",
        "Scrapes that hit the sample limit and were rejected.", m::exceededSampleLimit);
    counter(registry, "vigil_target_scrapes_exceeded_label_limits_total",
        "Scrapes that hit a label limit and were rejected.", m::exceededLabelLimits);
    counter(registry, "vigil_target_scrape_pool_exceeded_target_limit_total",
        "Times scrape pools hit the target limit.", m::exceededTargetLimit);
    counter(registry, "vigil_target_scrapes_sample_out_of_order_total",
        "Scraped samples refused as out of order.", m::sampleOutOfOrder);
    counter(registry, "vigil_target_scrapes_sample_duplicate_timestamp_total",
        "Scraped samples refused for a duplicate timestamp with another value.", m::sampleDuplicateTimestamp);
    counter(registry, "vigil_target_scrapes_sample_out_of_bounds_total",
        "Scraped samples refused as out of the head's bounds.", m::sampleOutOfBounds);
    counter(registry, "vigil_target_scrapes_cache_flush_forced_total",
        "Series caches flushed because they grew too large.", m::cacheFlushesForced);
    counter(registry, "vigil_target_scrape_pools_total", "Scrape pools created.", m::poolsCreated);
    counter(registry, "vigil_target_scrape_pools_failed_total", "Scrape pools that could not be created.",
        m::poolsFailed);
    counter(registry, "vigil_target_scrape_pool_reloads_total", "Scrape pool reloads.", m::poolReloads);
    counter(registry, "vigil_target_scrape_pool_reloads_failed_total", "Scrape pool reloads that failed.",
        m::poolReloadsFailed);
    counter(registry, "vigil_target_sync_failed_total", "Target syncs that failed.", m::targetSyncFailures);
  }
}
