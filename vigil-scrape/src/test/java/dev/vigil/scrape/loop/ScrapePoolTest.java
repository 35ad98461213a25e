package dev.vigil.scrape.loop;

import static dev.vigil.scrape.loop.ScrapeFixtures.group;
import static dev.vigil.scrape.loop.ScrapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.config.TargetGroup;
import dev.vigil.scrape.loop.RecordingStorage.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's targets following discovery, on a 50 ms interval. */
class ScrapePoolTest {
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final String[] TIMING = {"  scrape_interval: 50ms", "  scrape_timeout: 50ms"};
  private static final String A = "http://a:1/metrics";
  private static final String B = "http://b:2/metrics";

  private final RecordingStorage storage = new RecordingStorage();
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeScheduler scheduler = new ScrapeScheduler();
  private final FakeScraperFactory factory = new FakeScraperFactory("a 1\n");
  private ScrapePool pool = pool(config());

  @AfterEach
  void stop() {
    pool.stop();
    scheduler.close();
  }

  private static ScrapeConfig config(String... lines) {
    String[] all = new String[TIMING.length + lines.length];
    System.arraycopy(TIMING, 0, all, 0, TIMING.length);
    System.arraycopy(lines, 0, all, TIMING.length, lines.length);
    return job(all);
  }

  private ScrapePool pool(ScrapeConfig config) {
    return new ScrapePool(config, factory, new LoopServices(storage, scheduler, Clock.systemUTC(), 0, metrics));
  }

  private List<String> activeUrls() {
    return pool.activeTargets().stream().map(TargetSnapshot::scrapeUrl).toList();
  }

  private static Predicate<Sample> upOf(String instance) {
    return s -> s.name().equals("up") && s.labels().getOrEmpty("instance").equals(instance);
  }

  /** Waits until every active target's snapshot matches. */
  private void awaitTargets(Predicate<TargetSnapshot> condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!pool.activeTargets().stream().allMatch(condition)) {
      if (System.nanoTime() > deadline) {
        fail("targets never matched: " + pool.activeTargets());
      }
      Thread.sleep(5);
    }
  }

  @Test
  void syncScrapesEveryTargetOfTheGroups() throws Exception {
    pool.sync(List.of(group("a:1", "b:2")));

    assertThat(activeUrls()).containsExactly(A, B);
    factory.scraper(A).awaitScrapes(1, PATIENCE);
    factory.scraper(B).awaitScrapes(1, PATIENCE);
  }

  @Test
  void aTargetDiscoveredTwiceIsScrapedOnce() {
    pool.sync(List.of(group("a:1"), group("a:1")));

    assertThat(activeUrls()).containsExactly(A);
    assertThat(factory.requests()).hasSize(1);
  }

  @Test
  void aTargetStillDiscoveredKeepsItsLoopAndShowsItsLatestDiscoveredLabels() {
    pool.sync(List.of(group("a:1")));
    pool.sync(List.of(new TargetGroup(List.of(Labels.of("__address__", "a:1", "__meta_zone", "z1")), Labels.EMPTY, "sd")));

    assertThat(factory.requests()).hasSize(1);
    assertThat(pool.activeTargets().get(0).discoveredLabels().get("__meta_zone")).isEqualTo("z1");
  }

  @Test
  void aVanishedTargetIsNoLongerScrapedOnceSyncReturns() throws Exception {
    pool.sync(List.of(group("a:1", "b:2")));
    factory.scraper(B).awaitScrapes(1, PATIENCE);

    pool.sync(List.of(group("a:1")));
    int scrapesOfB = factory.scraper(B).scrapes();
    FakeScraper a = factory.scraper(A);
    a.awaitScrapes(a.scrapes() + 2, PATIENCE);

    assertThat(activeUrls()).containsExactly(A);
    assertThat(factory.scraper(B).scrapes()).isEqualTo(scrapesOfB);
  }

  @Test
  void aVanishedTargetsSeriesAreMarkedStale() throws Exception {
    pool.sync(List.of(group("a:1", "b:2")));
    storage.awaitSample(upOf("b:2"), PATIENCE);

    pool.sync(List.of(group("a:1")));
    storage.awaitSample(upOf("b:2").and(Sample::stale), PATIENCE);
  }

  @Test
  void targetsDroppedByRelabelingAreListedWithTheirDiscoveredLabels() {
    pool.stop();
    pool = pool(config("  relabel_configs: [{source_labels: [__address__], regex: 'b:2', action: drop}]"));
    pool.sync(List.of(group("a:1", "b:2")));

    assertThat(activeUrls()).containsExactly(A);
    assertThat(pool.droppedTargets()).extracting(labels -> labels.get("__address__")).containsExactly("b:2");
  }

  @Test
  void targetsThatCannotBeMadeAreCountedAndLeftOut() {
    pool.sync(List.of(new TargetGroup(List.of(Labels.of("zone", "z1")), Labels.EMPTY, "sd")));

    assertThat(pool.activeTargets()).isEmpty();
    assertThat(pool.droppedTargets()).isEmpty();
    assertThat(metrics.targetSyncFailures()).isEqualTo(1);
  }

  @Test
  void pastTheTargetLimitEveryTargetFailsWithTheLimitErrorUnscraped() throws Exception {
    pool.stop();
    pool = pool(config("  target_limit: 1"));
    pool.sync(List.of(group("a:1", "b:2")));

    awaitTargets(t -> t.lastError().equals("target_limit exceeded (number of targets: 2, limit: 1)"));
    assertThat(factory.scraper(A).scrapes()).isZero();
    assertThat(factory.scraper(B).scrapes()).isZero();
    assertThat(metrics.exceededTargetLimit()).isEqualTo(1);
  }

  @Test
  void backWithinTheTargetLimitTargetsAreScrapedAgain() throws Exception {
    pool.stop();
    pool = pool(config("  target_limit: 1"));
    pool.sync(List.of(group("a:1", "b:2")));
    pool.sync(List.of(group("a:1")));

    factory.scraper(A).awaitScrapes(1, PATIENCE);
    awaitTargets(t -> t.health() == TargetHealth.UP);
  }

  @Test
  void aReloadScrapesThroughTheNewFactoryAndClosesTheOldOne() throws Exception {
    pool.sync(List.of(group("a:1")));
    FakeScraperFactory next = new FakeScraperFactory("a 1\n");
    pool.reload(config("  sample_limit: 100"), next);

    assertThat(factory.closed()).isTrue();
    next.scraper(A).awaitScrapes(1, PATIENCE);
  }

  @Test
  void aReloadThatCannotChangeTheSeriesKeepsThemKnownAndNotStale() throws Exception {
    pool.sync(List.of(group("a:1")));
    Sample firstUp = storage.awaitSample(upOf("a:1"), PATIENCE);
    FakeScraperFactory next = new FakeScraperFactory("a 1\n");
    pool.reload(config("  sample_limit: 100"), next);
    next.scraper(A).awaitScrapes(3, PATIENCE);

    assertThat(storage.samples()).noneMatch(Sample::stale);
    assertThat(storage.samples()).filteredOn(s -> s.name().equals("scrape_series_added") && s.t() > firstUp.t())
        .isNotEmpty().allMatch(s -> s.v() == 0);
  }

  @Test
  void aReloadThatCanChangeTheSeriesStartsAfresh() throws Exception {
    pool.sync(List.of(group("a:1")));
    Sample firstUp = storage.awaitSample(upOf("a:1"), PATIENCE);
    pool.reload(config("  metric_relabel_configs: [{target_label: env, replacement: prod}]"),
        new FakeScraperFactory("a 1\n"));

    storage.awaitSample(s -> s.name().equals("scrape_series_added") && s.t() > firstUp.t() && s.v() == 1, PATIENCE);
  }

  @Test
  void aStoppedPoolClosesItsFactoryAndWritesNoStaleMarkers() throws Exception {
    pool.sync(List.of(group("a:1")));
    storage.awaitSample(upOf("a:1"), PATIENCE);
    pool.stop();

    assertThat(factory.closed()).isTrue();
    assertThat(pool.activeTargets()).isEmpty();
    // Absence can only be seen by waiting past when the markers would be written (2.1 intervals).
    Thread.sleep(200);
    assertThat(storage.samples()).noneMatch(Sample::stale);
  }
}
