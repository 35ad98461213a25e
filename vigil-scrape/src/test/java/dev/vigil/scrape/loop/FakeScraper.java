package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** A target that answers from a script: bodies or failures in turn, the last one over and over. */
final class FakeScraper implements TargetScraper {
  private final Deque<Object> script = new ArrayDeque<>();
  private Object last;
  private int scrapes;
  private int releases;

  /** A target serving these text-format bodies in turn. */
  static FakeScraper serving(String... bodies) {
    FakeScraper scraper = new FakeScraper();
    for (String body : bodies) {
      scraper.thenServing(body, "");
    }
    return scraper;
  }

  FakeScraper thenServing(String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return then(new ScrapeBody(bytes, bytes.length, contentType));
  }

  FakeScraper thenFailing(String reason) {
    return then(new ScrapeFailure(reason));
  }

  synchronized FakeScraper then(Object answer) {
    script.add(answer);
    return this;
  }

  @Override
  public synchronized ScrapeBody scrape(long timeoutMillis) throws ScrapeFailure {
    scrapes++;
    notifyAll();
    if (!script.isEmpty()) {
      last = script.poll();
    }
    if (last instanceof ScrapeFailure failure) {
      throw failure;
    }
    return (ScrapeBody) last;
  }

  @Override
  public synchronized void release() {
    releases++;
  }

  synchronized int releases() {
    return releases;
  }

  synchronized int scrapes() {
    return scrapes;
  }

  synchronized void awaitScrapes(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (scrapes < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("scraped " + scrapes + " times, not " + count + ", within " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
