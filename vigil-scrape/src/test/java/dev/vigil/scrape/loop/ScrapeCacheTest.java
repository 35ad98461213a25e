package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeCacheTest {
  private final ScrapeMetrics metrics = new ScrapeMetrics();
  private final ScrapeCache cache = new ScrapeCache(metrics);

  private void see(String text) {
    if (cache.get(text) == null) {
      cache.addRef(text, 1, Labels.of("__name__", text), text.hashCode());
    }
    cache.trackStaleness(text.hashCode(), Labels.of("__name__", text));
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
    cache.addRef("a", 0, Labels.of("__name__", "a"), 1);

    assertThat(cache.get("a")).isNull();
  }

  @Test
  void aCacheGrownPastTwiceItsLastSuccessfulSizePlus1000IsFlushedEvenByFailedScrapes() {
    see("a");
    cache.iterationDone(true);
    for (int i = 0; i < 1003; i++) {
      cache.addDropped("dropped" + i);
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
}
