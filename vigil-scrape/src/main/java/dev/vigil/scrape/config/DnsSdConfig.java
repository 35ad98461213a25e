package dev.vigil.scrape.config;

import java.util.List;

/**
 * {@code dns_sd_configs}: names looked up at an interval.
 *
 * @param type SRV, A, AAAA or MX, as written (any case)
 * @param port the port for A, AAAA and MX records; SRV records carry their own
 */
public record DnsSdConfig(List<String> names, long refreshIntervalMillis, String type, int port) {
  public static final long DEFAULT_REFRESH_MILLIS = 30_000;

  public DnsSdConfig {
    names = List.copyOf(names);
  }
}
