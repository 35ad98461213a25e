package dev.vigil.scrape.loop;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Makes a {@link FakeScraper} per target, and remembers them and whether it was closed. */
final class FakeScraperFactory implements ScraperFactory {
  private final Function<URI, FakeScraper> scrapers;
  private final Map<URI, FakeScraper> made = new ConcurrentHashMap<>();
  private final List<URI> requests = new ArrayList<>();
  private volatile boolean closed;

  /** Every target serves {@code body}. */
  FakeScraperFactory(String body) {
    this(url -> FakeScraper.serving(body));
  }

  FakeScraperFactory(Function<URI, FakeScraper> scrapers) {
    this.scrapers = scrapers;
  }

  @Override
  public synchronized TargetScraper forTarget(URI url) {
    requests.add(url);
    FakeScraper scraper = scrapers.apply(url);
    made.put(url, scraper);
    return scraper;
  }

  /** The latest scraper made for {@code url}. */
  FakeScraper scraper(String url) {
    return made.get(URI.create(url));
  }

  /** Every target URL a scraper was made for, in order. */
  synchronized List<URI> requests() {
    return List.copyOf(requests);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
