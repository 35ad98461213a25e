package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import java.time.Duration;
import java.time.Instant;

/**
 * One active target as {@code /api/v1/targets} shows it, taken at one moment.
 *
 * @param scrapePool the job name
 * @param scrapeUrl the URL scraped, as Prometheus 2.42 writes it
 * @param labels the labels the target's series get (no {@code __} labels)
 * @param discoveredLabels the labels before relabeling
 * @param lastError why the last scrape failed; "" after a success or before the first scrape
 * @param lastScrape the last scrape's timestamp (its samples' time); {@link #NEVER}, Go's zero
 *     time, before the first scrape, which the API shows as {@code 0001-01-01T00:00:00Z}
 * @param lastScrapeDuration how long the last scrape took, appending included
 * @param scrapeInterval the {@code __scrape_interval__} label, as configured ("15s")
 * @param scrapeTimeout the {@code __scrape_timeout__} label
 */
public record TargetSnapshot(
    String scrapePool,
    String scrapeUrl,
    Labels labels,
    Labels discoveredLabels,
    TargetHealth health,
    String lastError,
    Instant lastScrape,
    Duration lastScrapeDuration,
    String scrapeInterval,
    String scrapeTimeout) {
  /** Go's zero {@code time.Time}: what Prometheus reports as the last scrape of a target never scraped. */
  public static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");
}
