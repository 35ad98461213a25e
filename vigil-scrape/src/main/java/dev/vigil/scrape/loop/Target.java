package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.PromDuration;
import dev.vigil.scrape.config.TargetLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One endpoint a scrape pool scrapes: its labels (fixed for its life), the labels it was discovered
 * with (refreshed on every sync), and the outcome of its last scrape, which a scrape loop writes and
 * the targets API reads through {@link #snapshot()}. Thread-safe: the outcome is one immutable value
 * replaced whole, so readers never see half of a report.
 */
final class Target {
  private record LastScrape(TargetHealth health, String error, Instant time, Duration duration) {}

  private final String scrapePool;
  private final Labels labels;
  private final Labels publicLabels;
  private final String url;
  private final long hash;
  private final long intervalMillis;
  private final long timeoutMillis;
  private volatile Labels discoveredLabels;
  private volatile LastScrape lastScrape = new LastScrape(TargetHealth.UNKNOWN, "", TargetSnapshot.NEVER, Duration.ZERO);

  /**
   * @param labels a target {@link TargetLabels#populate} did not drop (so its scrape interval and timeout
   *     labels are valid)
   * @param params the scrape config's query parameters
   */
  Target(String scrapePool, TargetLabels labels, Map<String, List<String>> params) {
    this.scrapePool = scrapePool;
    this.labels = labels.labels();
    this.publicLabels = labels.publicLabels();
    this.discoveredLabels = labels.discoveredLabels();
    this.url = TargetUrl.of(this.labels, params);
    // Go formats the unsigned label hash with %016d before hashing it with the URL.
    String labelsHash = Long.toUnsignedString(LabelsHash.of(this.labels));
    this.hash = Fnv1a64.hash("0".repeat(Math.max(0, 16 - labelsHash.length())) + labelsHash, url);
    this.intervalMillis = PromDuration.parseMillis(this.labels.getOrEmpty("__scrape_interval__"));
    this.timeoutMillis = PromDuration.parseMillis(this.labels.getOrEmpty("__scrape_timeout__"));
  }

  /** The labels the target's series get: those not starting with {@code __}. */
  Labels labels() {
    return publicLabels;
  }

  Labels discoveredLabels() {
    return discoveredLabels;
  }

  /** The URL scraped, as Prometheus 2.42 writes it. */
  String url() {
    return url;
  }

  /** Identifies the target within its pool: equal labels and URL, same target (2.42's {@code Target.hash}). */
  long hash() {
    return hash;
  }

  long intervalMillis() {
    return intervalMillis;
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  void setDiscoveredLabels(Labels discovered) {
    this.discoveredLabels = discovered;
  }

  /**
   * How long to wait from {@code nowEpochNanos} until this target's first scrape: its place in the
   * interval is fixed by its hash (mixed with the server's jitter seed, so that HA replicas scrape at
   * different moments) and pinned to absolute time, so a restarted loop keeps its rhythm. In
   * {@code (0, interval]}, as 2.42's {@code Target.offset}.
   */
  long offsetNanos(long intervalNanos, long jitterSeed, long nowEpochNanos) {
    long base = intervalNanos - nowEpochNanos % intervalNanos;
    long next = base + Long.remainderUnsigned(hash ^ jitterSeed, intervalNanos);
    return next > intervalNanos ? next - intervalNanos : next;
  }

  /** Records a scrape's outcome; {@code error} is null after a success. */
  void report(Instant time, Duration duration, String error) {
    lastScrape = new LastScrape(error == null ? TargetHealth.UP : TargetHealth.DOWN,
        error == null ? "" : error, time, duration);
  }

  TargetSnapshot snapshot() {
    LastScrape last = lastScrape;
    return new TargetSnapshot(scrapePool, url, publicLabels, discoveredLabels, last.health(), last.error(),
        last.time(), last.duration(), labels.getOrEmpty("__scrape_interval__"),
        labels.getOrEmpty("__scrape_timeout__"));
  }

  @Override
  public String toString() {
    return url;
  }
}
