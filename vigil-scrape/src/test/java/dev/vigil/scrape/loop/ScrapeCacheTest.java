package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScrapeCacheTest {
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeCache cache = new ScrapeCache(metrics);
  /** The refs the cache asked storage to prefetch, in the order it asked. */
  private final List<Long> prefetched = new ArrayList<>();
  private final Appender storage = new Appender() {
    @Override
    public long append(long ref, Labels labels, long t, double v) {
      throw new AssertionError("the cache appends nothing");
    }

    @Override
    public void prefetch(long ref) {
      prefetched.add(ref);
    }

    @Override
    public void commit() {}

    @Override
    public void rollback() {}
  };

  ScrapeCacheTest() {
    cache.startScrape(storage);
  }

  /** Ends a scrape and starts the next one. */
  private void endScrape(boolean successful) {
    cache.iterationDone(successful);
    prefetched.clear();
    cache.startScrape(storage);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private ScrapeCache.Entry get(String text) {
    return cache.getLine(bytes(text), 0, text.length());
  }

  private ScrapeCache.Entry add(String text, long ref) {
    return add(text, ref, text);
  }

  /** Caches {@code text} as the series named {@code name}, hashed by that name. */
  private ScrapeCache.Entry add(String text, long ref, String name) {
    return cache.addRef(bytes(text), 0, text.length(), ref, Labels.of("__name__", name), name.hashCode());
  }

  private void addDropped(String text) {
    cache.addDropped(bytes(text), 0, text.length());
  }

  private void see(String text) {
    see(text, text);
  }

  /** Scrapes {@code text}, a spelling of the series named {@code name}. */
  private void see(String text, String name) {
    ScrapeCache.Entry entry = get(text);
    cache.trackStaleness(entry != null ? entry : add(text, 1, name));
  }

  private List<String> stale() {
    List<String> names = new ArrayList<>();
    cache.forEachStale(labels -> names.add(labels.get("__name__")));
    return names;
  }

  @Test
  void seriesNotSeenInASuccessfulScrapeAreForgotten() {
    see("a");
    see("b");
    endScrape(true);
    see("a");
    endScrape(true);

    assertThat(cache.seriesCount()).isEqualTo(1);
  }

  @Test
  void seriesNotSeenInASuccessfulScrapeAreForgottenAfterFailedScrapesSawTheOthers() {
    see("a");
    see("b");
    endScrape(true);
    see("a");
    endScrape(false);
    see("a");
    endScrape(true);

    assertThat(cache.seriesCount()).isEqualTo(1);
  }

  @Test
  void anEntryReplacedInAScrapeDoesNotHideAnUnseenOneFromEviction() {
    see("a");
    see("b");
    endScrape(true);
    see("a");
    add("a", 2);
    endScrape(true);

    assertThat(cache.seriesCount()).isEqualTo(1);
    assertThat(get("a").ref).isEqualTo(2);
  }

  @Test
  void aFailedScrapeForgetsNothing() {
    see("a");
    endScrape(true);
    endScrape(false);

    assertThat(cache.seriesCount()).isEqualTo(1);
  }

  @Test
  void seriesStorageDidNotTakeAreNotCached() {
    add("a", 0);

    assertThat(get("a")).isNull();
  }

  @Test
  void aCacheGrownPastTwiceItsLastSuccessfulSizePlus1000IsFlushedEvenByFailedScrapes() {
    see("a");
    endScrape(true);
    for (int i = 0; i < 1003; i++) {
      addDropped("dropped" + i);
    }
    endScrape(false);
    assertThat(metrics.cacheFlushesForced()).isEqualTo(1);

    endScrape(false);
    assertThat(cache.droppedCount()).isZero();
  }

  @Test
  void staleSeriesAreThoseOfThePreviousScrapeNotSeenInThisOne() {
    see("a");
    see("b");
    endScrape(true);
    see("b");
    see("c");

    assertThat(stale()).containsExactly("a");
  }

  @Test
  void aSeriesSeenUnderAnotherSpellingIsNotStale() {
    see("a{x=\"1\"}", "a");
    endScrape(true);
    see("a{ x=\"1\" }", "a");

    assertThat(stale()).isEmpty();
  }

  @Test
  void twoSpellingsOfOneGoneSeriesGiveOneStalenessMarker() {
    see("a{x=\"1\"}", "a");
    see("a{ x=\"1\" }", "a");
    endScrape(true);
    see("b");

    assertThat(stale()).containsExactly("a");
  }

  @Test
  void seriesStorageTookNoSampleOfAreStillTrackedForStaleness() {
    cache.trackUncached(1, Labels.of("__name__", "refused"));
    see("b");
    endScrape(true);
    see("b");

    assertThat(stale()).containsExactly("refused");
  }

  @Test
  void anUncachedSeriesSeenAgainAsACachedOneIsNotStale() {
    cache.trackUncached("a".hashCode(), Labels.of("__name__", "a"));
    endScrape(true);
    see("a");

    assertThat(stale()).isEmpty();
  }

  @Test
  void anEmptyScrapeMarksEverySeriesOfThePreviousOneStale() {
    see("a");
    see("b");
    endScrape(true);

    assertThat(stale()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aSeriesGoneForTwoScrapesIsMarkedStaleOnlyOnce() {
    see("a");
    see("b");
    endScrape(true);
    see("b");
    assertThat(stale()).containsExactly("a");
    endScrape(true);
    see("b");

    assertThat(stale()).isEmpty();
  }

  @Test
  void aSeriesTrackedTwiceInOneScrapeStillCountsOnce() {
    see("a");
    see("b");
    endScrape(true);
    see("a");
    see("a");

    assertThat(stale()).containsExactly("b");
  }

  // ---- The order of the last scrape ------------------------------------------------------------

  /** Scrapes series {@code s0, s1, ...} with refs 1, 2, ... as one successful scrape. */
  private void scrapeNumbered(int count) {
    for (int i = 0; i < count; i++) {
      add("s" + i, i + 1);
    }
    endScrape(true);
  }

  @Test
  void theSeriesTheLastScrapeListedAreHintedToStorageInItsOrder() {
    scrapeNumbered(3);

    get("s0");

    assertThat(prefetched).containsExactly(1L, 2L, 3L);
  }

  @Test
  void hintsRunBetweenOneAndTwoWindowsAheadOfTheLineRead() {
    int window = ScrapeCache.PREFETCH_WINDOW;
    scrapeNumbered(10 * window);

    for (int line = 0; line < 5 * window; line++) {
      get("s" + line);
      assertThat(prefetched).hasSizeBetween(line + window, line + 2 * window);
    }
    assertThat(prefetched).isEqualTo(LongStream.rangeClosed(1, prefetched.size()).boxed().toList());
  }

  @Test
  void droppedTextsAreNotHinted() {
    addDropped("dropped");
    add("kept", 7);
    endScrape(true);

    get("dropped");

    assertThat(prefetched).containsExactly(7L);
  }

  @Test
  void linesInAnotherOrderThanLastTimeFindTheirOwnEntries() {
    scrapeNumbered(4);

    List<String> order = List.of("s2", "new", "s0", "s3", "s1", "s2");
    List<Long> refs = new ArrayList<>();
    for (String text : order) {
      ScrapeCache.Entry entry = get(text);
      refs.add(entry == null ? null : entry.ref);
    }

    assertThat(refs).containsExactly(3L, null, 1L, 4L, 2L, 3L);
  }

  @Test
  void aSeriesEvictedByASuccessfulScrapeThatListedNothingIsNotFoundThroughTheOrderBefore() {
    add("a", 1);
    endScrape(true);
    endScrape(true);

    assertThat(get("a")).isNull();
  }

  @Test
  void aScrapeThatListedNothingLeavesTheLastOrderForTheNext() {
    scrapeNumbered(2);
    endScrape(false);

    get("s0");

    assertThat(prefetched).containsExactly(1L, 2L);
  }
}
