package dev.vigil.scrape.loop;

/**
 * Why one scrape failed, worded as Prometheus 2.42 words it in a target's {@code lastError}
 * (for example {@code server returned HTTP status 500 Internal Server Error}).
 */
public final class ScrapeFailure extends Exception {
  public ScrapeFailure(String message) {
    super(message);
  }

  public ScrapeFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
