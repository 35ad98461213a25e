package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeCacheTest {
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeCache cache = new ScrapeCache(metrics);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private ScrapeCache.Entry get(String text) {
    return cache.get(bytes(text), 0, text.length());
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
    cache.iterationDone(true);
    see("a");
    cache.iterationDone(true);

    assertThat(cache.seriesCount()).isEqualTo(1);
  }

  @Test
  void aFailedScrapeForgetsNothing() {
    see("a");
    cache.iterationDone(true);
    cache.iterationDone(false);

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
    cache.iterationDone(true);
    for (int i = 0; i < 1003; i++) {
      addDropped("dropped" + i);
    }
    cache.iterationDone(false);
    assertThat(metrics.cacheFlushesForced()).isEqualTo(1);

    cache.iterationDone(false);
    assertThat(cache.droppedCount()).isZero();
  }

  @Test
  void staleSeriesAreThoseOfThePreviousScrapeNotSeenInThisOne() {
    see("a");
    see("b");
    cache.iterationDone(true);
    see("b");
    see("c");

    assertThat(stale()).containsExactly("a");
  }

  @Test
  void aSeriesSeenUnderAnotherSpellingIsNotStale() {
    see("a{x=\"1\"}", "a");
    cache.iterationDone(true);
    see("a{ x=\"1\" }", "a");

    assertThat(stale()).isEmpty();
  }

  @Test
  void twoSpellingsOfOneGoneSeriesGiveOneStalenessMarker() {
    see("a{x=\"1\"}", "a");
    see("a{ x=\"1\" }", "a");
    cache.iterationDone(true);
    see("b");

    assertThat(stale()).containsExactly("a");
  }

  @Test
  void seriesStorageTookNoSampleOfAreStillTrackedForStaleness() {
    cache.trackUncached(1, Labels.of("__name__", "refused"));
    see("b");
    cache.iterationDone(true);
    see("b");

    assertThat(stale()).containsExactly("refused");
  }

  @Test
  void anUncachedSeriesSeenAgainAsACachedOneIsNotStale() {
    cache.trackUncached("a".hashCode(), Labels.of("__name__", "a"));
    cache.iterationDone(true);
    see("a");

    assertThat(stale()).isEmpty();
  }

  @Test
  void anEmptyScrapeMarksEverySeriesOfThePreviousOneStale() {
    see("a");
    see("b");
    cache.iterationDone(true);

    assertThat(stale()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aSeriesGoneForTwoScrapesIsMarkedStaleOnlyOnce() {
    see("a");
    see("b");
    cache.iterationDone(true);
    see("b");
    assertThat(stale()).containsExactly("a");
    cache.iterationDone(true);
    see("b");

    assertThat(stale()).isEmpty();
  }

  @Test
  void aSeriesTrackedTwiceInOneScrapeStillCountsOnce() {
    see("a");
    see("b");
    cache.iterationDone(true);
    see("a");
    see("a");

    assertThat(stale()).containsExactly("b");
  }
}
