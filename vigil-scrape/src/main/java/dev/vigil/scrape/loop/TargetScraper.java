package dev.vigil.scrape.loop;

/** Fetches one target's exposition; one instance per target, used by one scrape loop at a time. */
public interface TargetScraper extends AutoCloseable {
  /**
   * Scrapes once, giving up after {@code timeoutMillis}.
   *
   * @throws ScrapeFailure when the target could not be read, with the reason the target shows
   * @throws InterruptedException when the loop is being stopped
   */
  ScrapeBody scrape(long timeoutMillis) throws ScrapeFailure, InterruptedException;

  /**
   * The body the last scrape returned is no longer read: the scraper may let other scrapes have its
   * buffer. Called by the loop once the body is appended; the next scrape does it otherwise.
   */
  default void release() {}

  /** Lets go of what the scraper keeps between scrapes (a kept-alive connection); called once its loop ended. */
  @Override
  default void close() {}
}
