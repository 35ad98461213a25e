package dev.vigil.scrape.loop;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the scrape machinery, for the server's {@code /metrics}. Where Prometheus 2.42 has the
 * counter, the accessor names the Prometheus metric it stands for; the server can expose it under
 * that name. Thread-safe; counts only grow.
 */
public final class ScrapeMetrics {
  /** Why a scrape failed. */
  public enum FailureKind {
    /** The target could not be read: connection, HTTP status, timeout, body size limit. */
    FETCH,
    /** The body was read but not taken: malformed text, a sample or label limit, invalid labels, storage. */
    BODY,
    /** Not scraped at all because its pool has more targets than {@code target_limit}. */
    TARGET_LIMIT
  }

  private final LongAdder scrapes = new LongAdder();
  private final Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);
  private final LongAdder samplesAppended = new LongAdder();
  private final LongAdder exceededSampleLimit = new LongAdder();
  private final LongAdder exceededLabelLimits = new LongAdder();
  private final LongAdder exceededTargetLimit = new LongAdder();
  private final LongAdder outOfOrder = new LongAdder();
  private final LongAdder duplicateTimestamp = new LongAdder();
  private final LongAdder outOfBounds = new LongAdder();
  private final LongAdder cacheFlushesForced = new LongAdder();
  private final LongAdder poolsCreated = new LongAdder();
  private final LongAdder poolsFailed = new LongAdder();
  private final LongAdder poolReloads = new LongAdder();
  private final LongAdder poolReloadsFailed = new LongAdder();
  private final LongAdder targetSyncFailures = new LongAdder();

  public ScrapeMetrics() {
    for (FailureKind kind : FailureKind.values()) {
      failures.put(kind, new LongAdder());
    }
  }

  /** Scrapes attempted, failed ones included. */
  public long scrapes() {
    return scrapes.sum();
  }

  public long failedScrapes(FailureKind kind) {
    return failures.get(kind).sum();
  }

  /** Scraped samples (staleness markers included, report series not) committed to storage. */
  public long samplesAppended() {
    return samplesAppended.sum();
  }

  /** {@code prometheus_target_scrapes_exceeded_sample_limit_total}. */
  public long exceededSampleLimit() {
    return exceededSampleLimit.sum();
  }

  /** {@code prometheus_target_scrape_pool_exceeded_label_limits_total}. */
  public long exceededLabelLimits() {
    return exceededLabelLimits.sum();
  }

  /** {@code prometheus_target_scrape_pool_exceeded_target_limit_total}. */
  public long exceededTargetLimit() {
    return exceededTargetLimit.sum();
  }

  /** {@code prometheus_target_scrapes_sample_out_of_order_total}. */
  public long sampleOutOfOrder() {
    return outOfOrder.sum();
  }

  /** {@code prometheus_target_scrapes_sample_duplicate_timestamp_total}. */
  public long sampleDuplicateTimestamp() {
    return duplicateTimestamp.sum();
  }

  /** {@code prometheus_target_scrapes_sample_out_of_bounds_total}. */
  public long sampleOutOfBounds() {
    return outOfBounds.sum();
  }

  /** {@code prometheus_target_scrapes_cache_flush_forced_total}. */
  public long cacheFlushesForced() {
    return cacheFlushesForced.sum();
  }

  /** {@code prometheus_target_scrape_pools_total}: pool creation attempts. */
  public long poolsCreated() {
    return poolsCreated.sum();
  }

  /** {@code prometheus_target_scrape_pools_failed_total}. */
  public long poolsFailed() {
    return poolsFailed.sum();
  }

  /** {@code prometheus_target_scrape_pool_reloads_total}. */
  public long poolReloads() {
    return poolReloads.sum();
  }

  /** {@code prometheus_target_scrape_pool_reloads_failed_total}. */
  public long poolReloadsFailed() {
    return poolReloadsFailed.sum();
  }

  /** {@code prometheus_target_sync_failed_total} over all jobs: discovered targets that could not be made. */
  public long targetSyncFailures() {
    return targetSyncFailures.sum();
  }

  void scraped() {
    scrapes.increment();
  }

  void failed(FailureKind kind) {
    failures.get(kind).increment();
  }

  void appended(int samples) {
    samplesAppended.add(samples);
  }

  void sampleLimitExceeded() {
    exceededSampleLimit.increment();
  }

  void labelLimitsExceeded() {
    exceededLabelLimits.increment();
  }

  void targetLimitExceeded() {
    exceededTargetLimit.increment();
  }

  void outOfOrder() {
    outOfOrder.increment();
  }

  void duplicateTimestamp() {
    duplicateTimestamp.increment();
  }

  void outOfBounds() {
    outOfBounds.increment();
  }

  void cacheFlushForced() {
    cacheFlushesForced.increment();
  }

  void poolCreated() {
    poolsCreated.increment();
  }

  void poolFailed() {
    poolsFailed.increment();
  }

  void poolReloaded() {
    poolReloads.increment();
  }

  void poolReloadFailed() {
    poolReloadsFailed.increment();
  }

  void targetSyncFailed() {
    targetSyncFailures.increment();
  }
}
