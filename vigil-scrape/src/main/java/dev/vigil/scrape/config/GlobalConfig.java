package dev.vigil.scrape.config;

import dev.vigil.core.labels.Labels;

/**
 * The {@code global} section. Durations are in milliseconds.
 *
 * @param externalLabels labels added to every series this server sends elsewhere
 */
public record GlobalConfig(
    long scrapeIntervalMillis,
    long scrapeTimeoutMillis,
    long evaluationIntervalMillis,
    String queryLogFile,
    Labels externalLabels) {

  /** Prometheus's defaults: scrape every minute with a 10s timeout, evaluate rules every minute. */
  public static final GlobalConfig DEFAULT = new GlobalConfig(60_000, 10_000, 60_000, "", Labels.EMPTY);
}
