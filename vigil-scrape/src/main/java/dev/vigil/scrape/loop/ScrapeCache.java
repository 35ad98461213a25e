package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one target's scrapes remember between scrapes, as Prometheus 2.42's {@code scrapeCache}:
 *
 * <ul>
 *   <li>per series text (as the exposition spells it), the final labels after target labels and metric
 *       relabeling, the storage ref, and the hash of the labels as scraped: a series seen before skips
 *       label parsing and relabeling;
 *   <li>the texts of series that metric relabeling dropped, so they are skipped outright;
 *   <li>the series of the current and the previous scrape, keyed by the hash of their labels as
 *       scraped, so that a series gone since the previous scrape gets a staleness marker.
 * </ul>
 *
 * <p>Entries not seen in the latest successful scrape are evicted after it; failed scrapes evict
 * nothing unless the cache has more than doubled (plus 1,000) since the last success. Reload keeps a
 * target's cache when the config change cannot alter its series. Used by one thread at a time.
 */
final class ScrapeCache {
  /** A cached series; {@code lastIteration} is refreshed by every scrape that sees it. */
  static final class Entry {
    final long ref;
    final Labels labels;
    final long scrapedHash;
    private long lastIteration;

    private Entry(long ref, Labels labels, long scrapedHash, long iteration) {
      this.ref = ref;
      this.labels = labels;
      this.scrapedHash = scrapedHash;
      this.lastIteration = iteration;
    }
  }

  private final ScrapeMetrics metrics;
  private final Map<String, Entry> series = new HashMap<>();
  /** Per dropped series text, the last iteration that saw it (a one-element array to update in place). */
  private final Map<String, long[]> dropped = new HashMap<>();
  private Map<Long, Labels> seriesCurrent = new HashMap<>();
  private Map<Long, Labels> seriesPrevious = new HashMap<>();
  private long iteration;
  private int successfulCount;

  ScrapeCache(ScrapeMetrics metrics) {
    this.metrics = metrics;
  }

  /** The cached series of this text, marked as seen; null when not cached. */
  Entry get(String seriesText) {
    Entry entry = series.get(seriesText);
    if (entry != null) {
      entry.lastIteration = iteration;
    }
    return entry;
  }

  /** Caches a series the storage accepted; a zero ref (nothing stored) is not cached. */
  void addRef(String seriesText, long ref, Labels labels, long scrapedHash) {
    if (ref != 0) {
      series.put(seriesText, new Entry(ref, labels, scrapedHash, iteration));
    }
  }

  void addDropped(String seriesText) {
    dropped.put(seriesText, new long[] {iteration});
  }

  /** Whether metric relabeling dropped this series text before; if so, marks it as seen. */
  boolean isDropped(String seriesText) {
    long[] lastIteration = dropped.get(seriesText);
    if (lastIteration != null) {
      lastIteration[0] = iteration;
    }
    return lastIteration != null;
  }

  /** Notes a series present in this scrape (series with their own timestamps are never tracked). */
  void trackStaleness(long scrapedHash, Labels labels) {
    seriesCurrent.put(scrapedHash, labels);
  }

  /** Calls {@code action} for each series of the previous scrape not seen in this one, until it returns false. */
  void forEachStale(Predicate<Labels> action) {
    for (Map.Entry<Long, Labels> previous : seriesPrevious.entrySet()) {
      if (!seriesCurrent.containsKey(previous.getKey()) && !action.test(previous.getValue())) {
        return;
      }
    }
  }

  /**
   * Ends a scrape whose append went through (a failed append leaves the current set to be completed
   * by the empty append that follows it). {@code successful} is true for a non-empty body: only then
   * are entries not seen in it evicted, since a failed scrape looks like an empty one.
   */
  void iterationDone(boolean successful) {
    int count = series.size() + dropped.size();
    boolean flush = successful;
    if (successful) {
      successfulCount = count;
    } else if (count > successfulCount * 2 + 1000) {
      // Series churn during failing scrapes would otherwise grow the cache without bound.
      flush = true;
      metrics.cacheFlushForced();
    }
    if (flush) {
      series.values().removeIf(entry -> entry.lastIteration != iteration);
      dropped.values().removeIf(lastIteration -> lastIteration[0] != iteration);
      iteration++;
    }
    Map<Long, Labels> swap = seriesPrevious;
    seriesPrevious = seriesCurrent;
    seriesCurrent = swap;
    seriesCurrent.clear();
  }

  int seriesCount() {
    return series.size();
  }

  int droppedCount() {
    return dropped.size();
  }
}
