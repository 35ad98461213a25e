package dev.vigil.scrape.loop;

import static dev.vigil.scrape.loop.ScrapeFixtures.job;
import static dev.vigil.scrape.loop.ScrapeFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.scrape.config.ScrapeConfig;
import dev.vigil.scrape.loop.RecordingStorage.Sample;
import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.ExpositionFormat;
import dev.vigil.scrape.textparse.ExpositionParser;
import dev.vigil.scrape.textparse.TextParseException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One scrape at a time, driven by the test: what each outcome appends and how the target reports it. */
class ScrapeLoopTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long T1 = T0 + 15_000;
  private static final long T2 = T1 + 15_000;
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final RecordingStorage storage = new RecordingStorage();
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeScheduler scheduler = new ScrapeScheduler();
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(T2 + 60_000), ZoneOffset.UTC);

  @AfterEach
  void closeScheduler() {
    scheduler.close();
  }

  private ScrapeLoop loop(ScrapeConfig config, TargetScraper scraper) {
    Target target = target(config, "h:9100");
    return new ScrapeLoop(target, scraper, new ScrapeCache(metrics), LoopSettings.of(config, target),
        new LoopServices(storage, scheduler, clock, 0, metrics), () -> false);
  }

  private ScrapeLoop loop(TargetScraper scraper) {
    return loop(job(), scraper);
  }

  private static void scrapeAt(ScrapeLoop loop, long millis) {
    loop.scrapeAndReport(millis * 1_000_000);
  }

  private static Labels withTargetLabels(String... namesAndValues) {
    return Labels.of(namesAndValues).toBuilder().set("instance", "h:9100").set("job", "test").build();
  }

  // ---- Samples and report series ---------------------------------------------------------------

  @Test
  void aSuccessfulScrapeStoresItsSamplesWithTheTargetsLabels() {
    scrapeAt(loop(FakeScraper.serving("# TYPE a gauge\na 1\nb{x=\"y\"} 2\n")), T0);

    assertThat(storage.samplesAt(T0)).contains(
        new Sample(withTargetLabels("__name__", "a"), T0, 1),
        new Sample(withTargetLabels("__name__", "b", "x", "y"), T0, 2));
  }

  @Test
  void aSuccessfulScrapeReportsItselfAtItsTimestamp() {
    scrapeAt(loop(FakeScraper.serving("a 1\nb 2\nc 3\n")), T0);

    assertThat(storage.valueAt("up", T0)).isEqualTo(1);
    assertThat(storage.valueAt("scrape_samples_scraped", T0)).isEqualTo(3);
    assertThat(storage.valueAt("scrape_samples_post_metric_relabeling", T0)).isEqualTo(3);
    assertThat(storage.valueAt("scrape_series_added", T0)).isEqualTo(3);
    assertThat(storage.valueAt("scrape_duration_seconds", T0)).isBetween(0.0, 10.0);
    assertThat(storage.samplesAt(T0)).filteredOn(s -> s.name().equals("up"))
        .extracting(Sample::labels).containsExactly(withTargetLabels("__name__", "up"));
  }

  @Test
  void aSuccessfulScrapeMarksTheTargetUp() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\n"));
    assertThat(loop.target().snapshot().health()).isEqualTo(TargetHealth.UNKNOWN);
    assertThat(loop.target().snapshot().lastScrape()).isEqualTo(TargetSnapshot.NEVER);

    scrapeAt(loop, T0);

    TargetSnapshot snapshot = loop.target().snapshot();
    assertThat(snapshot.health()).isEqualTo(TargetHealth.UP);
    assertThat(snapshot.lastError()).isEmpty();
    assertThat(snapshot.lastScrape()).isEqualTo(Instant.ofEpochMilli(T0));
    assertThat(snapshot.scrapeUrl()).isEqualTo("http://h:9100/metrics");
  }

  @Test
  void seriesAlreadyKnownAreNotCountedAsAddedAgain() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\nb 2\n", "a 1\nb 2\nc 3\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.valueAt("scrape_series_added", T1)).isEqualTo(1);
  }

  // ---- Staleness --------------------------------------------------------------------------------

  @Test
  void theBodyIsReleasedOnceAppendedSoItsBufferCanServeOtherScrapes() {
    FakeScraper scraper = FakeScraper.serving("a 1\n");

    scrapeAt(loop(scraper), T0);

    assertThat(storage.samplesAt(T0)).isNotEmpty();
    assertThat(scraper.releases()).isEqualTo(1);
  }

  @Test
  void aScrapeHintsStorageOfTheSeriesThePreviousScrapeListed() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\nb 2\n"));
    scrapeAt(loop, T0);
    long a = storage.refOf(withTargetLabels("__name__", "a"));
    long b = storage.refOf(withTargetLabels("__name__", "b"));
    assertThat(storage.prefetched()).isEmpty();

    scrapeAt(loop, T1);

    assertThat(storage.prefetched()).containsExactly(a, b);
  }

  @Test
  void aSeriesGoneSinceThePreviousScrapeIsMarkedStaleAtTheNewScrapesTime() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\nb 2\n", "a 1\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.staleAt(T1)).containsExactly("b");
  }

  @Test
  void aSeriesWithItsOwnTimestampIsNeverMarkedStale() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1 1000\nb 2\n", "c 3\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.staleAt(T1)).containsExactly("b");
  }

  @Test
  void aFailedScrapeMarksTheTargetDownWithTheScrapersReason() {
    String reason = "server returned HTTP status 500 Internal Server Error";
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\n").thenFailing(reason));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(loop.target().snapshot().health()).isEqualTo(TargetHealth.DOWN);
    assertThat(loop.target().snapshot().lastError()).isEqualTo(reason);
    assertThat(metrics.failedScrapes(ScrapeMetrics.FailureKind.FETCH)).isEqualTo(1);
  }

  @Test
  void aFailedScrapeMarksEverySeriesStaleAndReportsNothingScraped() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\nb 2\n").thenFailing("context deadline exceeded"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.staleAt(T1)).containsExactlyInAnyOrder("a", "b");
    assertThat(storage.valueAt("up", T1)).isEqualTo(0);
    assertThat(storage.valueAt("scrape_samples_scraped", T1)).isEqualTo(0);
    assertThat(storage.valueAt("scrape_series_added", T1)).isEqualTo(0);
  }

  @Test
  void aMalformedBodyMarksTheTargetDownWithTheParsersReason() throws Exception {
    String malformed = "a 1\nb{x=} 2\n";
    ScrapeLoop loop = loop(FakeScraper.serving(malformed));
    scrapeAt(loop, T0);

    assertThat(loop.target().snapshot().lastError()).isEqualTo(parseErrorOf(malformed)).isNotEmpty();
    assertThat(storage.valueAt("up", T0)).isEqualTo(0);
    assertThat(metrics.failedScrapes(ScrapeMetrics.FailureKind.BODY)).isEqualTo(1);
  }

  @Test
  void aMalformedBodyStoresNoneOfItsSamples() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\nb 2\n", "a 5\nb{x=} 2\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.samplesAt(T1)).noneMatch(s -> s.name().equals("a"));
  }

  @Test
  void aMalformedBodyMarksStaleThePreviousSeriesItDidNotReachAs242Does() {
    ScrapeLoop loop = loop(FakeScraper.serving("a 1\nb 2\n", "a 5\nb{x=} 2\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.staleAt(T1)).containsExactly("b");
  }

  @Test
  void theTargetLimitErrorReplacesTheScrapeAndMarksEverySeriesStale() {
    String limitError = "target_limit exceeded (number of targets: 3, limit: 2)";
    FakeScraper scraper = FakeScraper.serving("a 1\n");
    ScrapeLoop loop = loop(scraper);
    scrapeAt(loop, T0);
    loop.setForcedError(limitError);
    scrapeAt(loop, T1);

    assertThat(scraper.scrapes()).isEqualTo(1);
    assertThat(loop.target().snapshot().lastError()).isEqualTo(limitError);
    assertThat(storage.staleAt(T1)).containsExactly("a");
    assertThat(storage.valueAt("up", T1)).isEqualTo(0);
    assertThat(metrics.failedScrapes(ScrapeMetrics.FailureKind.TARGET_LIMIT)).isEqualTo(1);
  }

  // ---- Formats and bodies -----------------------------------------------------------------------

  @Test
  void anOpenMetricsContentTypeSelectsTheOpenMetricsParser() {
    ScrapeLoop loop = loop(new FakeScraper().thenServing("a_total 1\n# EOF\n", OPENMETRICS)
        .thenServing("a_total 1\n", OPENMETRICS));
    scrapeAt(loop, T0);
    assertThat(storage.valueAt("up", T0)).isEqualTo(1);

    scrapeAt(loop, T1);
    assertThat(loop.target().snapshot().lastError()).isEqualTo("data does not end with # EOF");
  }

  @Test
  void aBodyInALargerBufferIsReadToItsLengthOnly() {
    byte[] buffer = "a 1\n{{{ not part of the body".getBytes(StandardCharsets.UTF_8);
    scrapeAt(loop(new FakeScraper().then(new ScrapeBody(buffer, 4, ""))), T0);

    assertThat(storage.valueAt("up", T0)).isEqualTo(1);
    assertThat(storage.valueAt("a", T0)).isEqualTo(1);
  }

  // ---- Timestamps -------------------------------------------------------------------------------

  @Test
  void ownTimestampsAreKeptWhenHonored() {
    scrapeAt(loop(FakeScraper.serving("a 1 1000\n")), T0);

    assertThat(storage.valueAt("a", 1000)).isEqualTo(1);
  }

  @Test
  void ownTimestampsGiveWayToTheScrapeTimeWhenNotHonored() {
    scrapeAt(loop(job("  honor_timestamps: false"), FakeScraper.serving("a 1 1000\n")), T0);

    assertThat(storage.valueAt("a", T0)).isEqualTo(1);
  }

  @Test
  void samplesMoreThanTenMinutesAheadAreCountedOutOfBoundsWithoutFailingTheScrape() {
    long farAhead = clock.millis() + 10 * 60_000 + 1;
    scrapeAt(loop(FakeScraper.serving("a 1 " + farAhead + "\nb 2\n")), T0);

    assertThat(storage.samples()).noneMatch(s -> s.name().equals("a"));
    assertThat(storage.valueAt("up", T0)).isEqualTo(1);
    assertThat(storage.valueAt("scrape_samples_post_metric_relabeling", T0)).isEqualTo(2);
    assertThat(storage.valueAt("scrape_series_added", T0)).isEqualTo(1);
    assertThat(metrics.sampleOutOfBounds()).isEqualTo(1);
  }

  @Test
  void samplesStorageRefusesAreCountedWithoutFailingTheScrape() {
    storage.refuse(s -> s.name().equals("a"), SampleRejectedException.Reason.OUT_OF_ORDER);
    scrapeAt(loop(FakeScraper.serving("a 1\nb 2\n")), T0);

    assertThat(storage.valueAt("up", T0)).isEqualTo(1);
    assertThat(storage.valueAt("b", T0)).isEqualTo(2);
    assertThat(metrics.sampleOutOfOrder()).isEqualTo(1);
  }

  // ---- Duplicates -------------------------------------------------------------------------------

  @Test
  void aSeriesRepeatedInOneScrapeIsOfferedTwiceButAddedOnce() {
    scrapeAt(loop(FakeScraper.serving("a 1\na 2\n")), T0);

    assertThat(storage.samplesAt(T0)).filteredOn(s -> s.name().equals("a")).extracting(Sample::v)
        .containsExactly(1.0, 2.0);
    assertThat(storage.valueAt("scrape_samples_scraped", T0)).isEqualTo(2);
    assertThat(storage.valueAt("scrape_series_added", T0)).isEqualTo(1);
  }

  @Test
  void aRepeatedSeriesThatStorageRefusesAsDuplicateIsCountedWithoutFailingTheScrape() {
    storage.refuse(s -> s.name().equals("a") && s.v() == 2, SampleRejectedException.Reason.DUPLICATE_TIMESTAMP);
    scrapeAt(loop(FakeScraper.serving("a 1\na 2\n")), T0);

    assertThat(storage.valueAt("a", T0)).isEqualTo(1);
    assertThat(storage.valueAt("up", T0)).isEqualTo(1);
    assertThat(metrics.sampleDuplicateTimestamp()).isEqualTo(1);
  }

  // ---- Labels -----------------------------------------------------------------------------------

  @Test
  void metricRelabelingRewritesLabelsBeforeTheyAreStored() {
    ScrapeConfig config = job("  metric_relabel_configs: [{target_label: env, replacement: prod}]");
    scrapeAt(loop(config, FakeScraper.serving("a 1\n")), T0);

    assertThat(storage.samplesAt(T0)).extracting(Sample::labels)
        .contains(withTargetLabels("__name__", "a", "env", "prod"));
  }

  @Test
  void seriesDroppedByMetricRelabelingAreNeitherStoredNorCountedAfterRelabeling() {
    ScrapeConfig config = job("  metric_relabel_configs: [{source_labels: [__name__], regex: drop_me, action: drop}]");
    scrapeAt(loop(config, FakeScraper.serving("keep 1\ndrop_me 2\n")), T0);

    assertThat(storage.samples()).noneMatch(s -> s.name().equals("drop_me"));
    assertThat(storage.valueAt("scrape_samples_scraped", T0)).isEqualTo(2);
    assertThat(storage.valueAt("scrape_samples_post_metric_relabeling", T0)).isEqualTo(1);
  }

  @Test
  void seriesDroppedByMetricRelabelingAreRememberedByTheirText() {
    ScrapeConfig config = job("  metric_relabel_configs: [{source_labels: [__name__], regex: drop_me, action: drop}]");
    ScrapeLoop loop = loop(config, FakeScraper.serving("keep 1\ndrop_me 2\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(loop.cache().droppedCount()).isEqualTo(1);
    assertThat(storage.valueAt("scrape_samples_post_metric_relabeling", T1)).isEqualTo(1);
  }

  @Test
  void aSeriesLeftWithoutAMetricNameFailsTheScrape() {
    ScrapeConfig config = job("  metric_relabel_configs: [{regex: __name__, action: labeldrop}]");
    ScrapeLoop loop = loop(config, FakeScraper.serving("a 1\n"));
    scrapeAt(loop, T0);

    assertThat(loop.target().snapshot().lastError()).isEqualTo("missing metric name (__name__ label)");
  }

  @Test
  void anInvalidMetricNameFailsTheScrape() {
    ScrapeLoop loop = loop(FakeScraper.serving(" a 1\n"));
    scrapeAt(loop, T0);

    assertThat(loop.target().snapshot().lastError())
        .isEqualTo("invalid metric name or label names: {__name__=\" a\", instance=\"h:9100\", job=\"test\"}");
  }

  @Test
  void aSeriesOverTheLabelLimitFailsTheScrape() {
    ScrapeLoop loop = loop(job("  label_limit: 4"), FakeScraper.serving("a 1\nb{x=\"1\",y=\"2\"} 2\n"));
    scrapeAt(loop, T0);

    assertThat(loop.target().snapshot().lastError())
        .isEqualTo("label_limit exceeded (metric: b, number of labels: 5, limit: 4)");
    assertThat(storage.samples()).noneMatch(s -> s.name().equals("a"));
    assertThat(metrics.exceededLabelLimits()).isEqualTo(1);
  }

  // ---- Sample limit -----------------------------------------------------------------------------

  @Test
  void aScrapeOverTheSampleLimitFailsAndStoresOnlyItsReport() {
    ScrapeLoop loop = loop(job("  sample_limit: 2"), FakeScraper.serving("a 1\nb 2\nc 3\n"));
    scrapeAt(loop, T0);

    assertThat(loop.target().snapshot().lastError()).isEqualTo("sample limit exceeded");
    assertThat(storage.samplesAt(T0)).extracting(Sample::name).containsExactlyInAnyOrder("up",
        "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
        "scrape_series_added");
    assertThat(metrics.exceededSampleLimit()).isEqualTo(1);
  }

  @Test
  void aScrapeOverTheSampleLimitReportsEverySampleItRead() {
    ScrapeLoop loop = loop(job("  sample_limit: 2"), FakeScraper.serving("a 1\nb 2\nc 3\n"));
    scrapeAt(loop, T0);

    assertThat(storage.valueAt("up", T0)).isEqualTo(0);
    assertThat(storage.valueAt("scrape_samples_scraped", T0)).isEqualTo(3);
    assertThat(storage.valueAt("scrape_samples_post_metric_relabeling", T0)).isEqualTo(3);
    assertThat(storage.valueAt("scrape_series_added", T0)).isEqualTo(2);
  }

  @Test
  void aScrapeOverTheSampleLimitMarksStaleOnlyTheSeriesItNoLongerHas() {
    ScrapeLoop loop = loop(job("  sample_limit: 2"), FakeScraper.serving("a 1\nb 2\n", "a 1\nc 3\nd 4\n"));
    scrapeAt(loop, T0);
    scrapeAt(loop, T1);

    assertThat(storage.staleAt(T1)).containsExactly("b");
    assertThat(storage.valueAt("scrape_series_added", T1)).isEqualTo(1);
  }

  private static String parseErrorOf(String body) throws Exception {
    ExpositionParser parser = ExpositionFormat.PROMETHEUS_TEXT.parser(body.getBytes(StandardCharsets.UTF_8));
    try {
      while (parser.next() != Entry.EOF) {
        // read on to the error
      }
    } catch (TextParseException e) {
      return e.reason();
    }
    return "";
  }
}
