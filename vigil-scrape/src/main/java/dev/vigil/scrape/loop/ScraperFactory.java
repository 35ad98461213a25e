package dev.vigil.scrape.loop;

import java.net.URI;

/** Makes the scrapers of one scrape config's targets, sharing that config's HTTP client. */
public interface ScraperFactory extends AutoCloseable {
  TargetScraper forTarget(URI url);

  /** Releases the shared client; scrapers made by this factory must not be used afterwards. */
  @Override
  void close();
}
