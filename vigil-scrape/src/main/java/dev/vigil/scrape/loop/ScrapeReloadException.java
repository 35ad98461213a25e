package dev.vigil.scrape.loop;

import java.util.Map;

/**
 * A new configuration was applied but some jobs kept their old one because their scraper factory
 * could not be made. The message is Prometheus 2.42's; {@link #failures()} tells which jobs and why.
 */
public final class ScrapeReloadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> failures;

  ScrapeReloadException(Map<String, String> failures) {
    super("failed to apply the new configuration");
    this.failures = Map.copyOf(failures);
  }

  /** Per job name, why its pool could not be reloaded ({@code error creating HTTP client: ...}). */
  public Map<String, String> failures() {
    return failures;
  }
}
