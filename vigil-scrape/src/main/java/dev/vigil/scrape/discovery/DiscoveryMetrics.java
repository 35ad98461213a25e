package dev.vigil.scrape.discovery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-wide discovery counters, as Prometheus's: {@code prometheus_sd_file_read_errors_total},
 * {@code prometheus_sd_file_watcher_errors_total}, {@code prometheus_sd_dns_lookups_total} and
 * {@code prometheus_sd_dns_lookup_failures_total}. Each provider also counts its own.
 */
public final class DiscoveryMetrics {
  static final AtomicLong FILE_READ_ERRORS = new AtomicLong();
  static final AtomicLong FILE_WATCHER_ERRORS = new AtomicLong();
  static final AtomicLong DNS_LOOKUPS = new AtomicLong();
  static final AtomicLong DNS_LOOKUP_FAILURES = new AtomicLong();

  private DiscoveryMetrics() {}

  /** Files that could not be read or parsed, once per file per refresh. */
  public static long fileReadErrorsTotal() {
    return FILE_READ_ERRORS.get();
  }

  /** File watchers that could not be created. */
  public static long fileWatcherErrorsTotal() {
    return FILE_WATCHER_ERRORS.get();
  }

  /** DNS lookups of configured names, each with its search list and servers counting once. */
  public static long dnsLookupsTotal() {
    return DNS_LOOKUPS.get();
  }

  /** DNS lookups that failed, leaving the name's targets as they were. */
  public static long dnsLookupFailuresTotal() {
    return DNS_LOOKUP_FAILURES.get();
  }
}
