package dev.vigil.scrape.loop;

import static dev.vigil.scrape.loop.ScrapeFixtures.job;
import static dev.vigil.scrape.loop.ScrapeFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.loop.RecordingStorage.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Loops running on their own, on a 50 ms interval. */
class ScrapeLoopRunTest {
  private static final long INTERVAL_MS = 50;
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final ScrapeConfig CONFIG = job("  scrape_interval: 50ms", "  scrape_timeout: 50ms");

  private final RecordingStorage storage = new RecordingStorage();
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeScheduler scheduler = new ScrapeScheduler();

  @AfterEach
  void closeScheduler() {
    scheduler.close();
  }

  private ScrapeLoop loop(TargetScraper scraper) {
    Target target = target(CONFIG, "h:9100");
    return new ScrapeLoop(target, scraper, new ScrapeCache(metrics), LoopSettings.of(CONFIG, target),
        new LoopServices(storage, scheduler, Clock.systemUTC(), 0, metrics), () -> false);
  }

  private static ScrapeBody body(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ScrapeBody(bytes, bytes.length, "");
  }

  @Test
  void aStartedLoopScrapesEveryInterval() throws Exception {
    FakeScraper scraper = FakeScraper.serving("a 1\n");
    ScrapeLoop loop = loop(scraper);
    loop.start();

    scraper.awaitScrapes(3, PATIENCE);
    loop.requestStop();
    loop.awaitStopped();
    assertThat(metrics.scrapes()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aStoppedLoopMarksAllItsSeriesStaleAtTheTimeOfItsNextTick() throws Exception {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\n"));
    loop.start();
    storage.awaitSample(s -> s.name().equals("up"), PATIENCE);
    loop.requestStop();
    loop.awaitStopped();
    long lastScrape = storage.samples().stream().filter(s -> s.name().equals("up")).mapToLong(Sample::t).max()
        .orElseThrow();

    Sample staleUp = storage.awaitSample(s -> s.name().equals("up") && s.stale(), PATIENCE);
    assertThat(staleUp.t()).isGreaterThan(lastScrape);
    assertThat(storage.staleAt(staleUp.t())).containsExactlyInAnyOrder("a", "up", "scrape_duration_seconds",
        "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added");
  }

  @Test
  void aLoopHandingItsCacheOverWritesNoStaleMarkersWhenStopped() throws Exception {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\n"));
    loop.start();
    storage.awaitSample(s -> s.name().equals("up"), PATIENCE);
    loop.disableEndOfRunStalenessMarkers();
    loop.requestStop();
    loop.awaitStopped();

    // Absence can only be seen by waiting past when the markers would be written (2.1 intervals).
    Thread.sleep(4 * INTERVAL_MS);
    assertThat(storage.samples()).noneMatch(Sample::stale);
  }

  @Test
  void aStopLetsTheScrapeInProgressFinishAndCommit() throws Exception {
    CountDownLatch scraping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ScrapeLoop loop = loop(timeoutMillis -> {
      scraping.countDown();
      release.await();
      return body("a 1\n");
    });
    loop.start();
    assertThat(scraping.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    loop.requestStop();
    release.countDown();
    assertTimeoutPreemptively(PATIENCE, loop::awaitStopped);
    assertThat(storage.samples()).anyMatch(s -> s.name().equals("up") && s.v() == 1);
  }

  @Test
  void aShutdownInterruptsTheScrapeInProgressAndWritesNothing() throws Exception {
    CountDownLatch scraping = new CountDownLatch(1);
    ScrapeLoop loop = loop(timeoutMillis -> {
      scraping.countDown();
      new CountDownLatch(1).await();
      throw new AssertionError("the scrape was not interrupted");
    });
    loop.start();
    assertThat(scraping.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    assertTimeoutPreemptively(PATIENCE, () -> {
      loop.shutdown();
      loop.awaitStopped();
    });
    assertThat(storage.samples()).isEmpty();
    assertThat(loop.target().snapshot().health()).isEqualTo(TargetHealth.UNKNOWN);
  }
}
