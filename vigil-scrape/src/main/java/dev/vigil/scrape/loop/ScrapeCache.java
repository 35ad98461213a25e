package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * What one target's scrapes remember between scrapes, as Prometheus 2.42's {@code scrapeCache}:
 *
 * <ul>
 *   <li>per series text (as the exposition spells it, known by its 128-bit hash: {@link SeriesTextMap}), the final labels after target labels and metric
 *       relabeling, the storage ref, and the hash of the labels as scraped: a series seen before skips
 *       label parsing and relabeling;
 *   <li>the texts of series that metric relabeling dropped, so they are skipped outright;
 *   <li>the series of the current and the previous scrape, identified by the hash of their labels as
 *       scraped, so that a series gone since the previous scrape gets a staleness marker.
 * </ul>
 *
 * <p>2.42 keeps the last two scrapes' series in two hash maps, touched once per sample. Here a cached
 * series instead records the last scrape that saw it, and counters tell whether any series of the
 * previous scrape is missing from this one; only then are the entries walked for the missing ones,
 * each checked against this scrape's label hashes (two texts can spell the same labels). Series the
 * storage took no sample of, and so are not cached, are tracked in small maps as 2.42 tracks all.
 *
 * <p>Entries not seen in the latest successful scrape are evicted after it; failed scrapes evict
 * nothing unless the cache has more than doubled (plus 1,000) since the last success. Reload keeps a
 * target's cache when the config change cannot alter its series. Used by one thread at a time.
 *
 * <p>A target lists its series in the same order scrape after scrape, so the cache also keeps the
 * order of the last scrape that listed any: each line's entry is first looked for right after the
 * previous line's one (which saves the table's cache miss), and a window of the series expected
 * next is handed to storage as a prefetch hint ({@link Appender#prefetch}), so that the memory the
 * next appends touch is loaded while this one is parsed instead of one series after another (in a
 * side-by-side run, a fifth of the server's CPU per sample). They cost an int per entry and a
 * reference per series in each of the two orders kept.
 */
final class ScrapeCache {
  /**
   * A cached series text: the series' final labels, its storage ref and the hash of its labels as
   * scraped, or (for a text metric relabeling dropped) none of them. {@code lastIteration} is refreshed
   * by every scrape that sees it.
   */
  static final class Entry extends SeriesTextMap.Keyed {
    final long ref;
    final Labels labels;
    final long scrapedHash;
    private int lastIteration;
    /** The number of the last scrape that tracked this series for staleness; -2 before any. */
    private int trackedInScrape = -2;
    /** Where the last scrape that saw this entry listed it: a guess at where it is in {@link #lastOrder}. */
    private int position;

    private Entry(SeriesTextMap.TextKey key, long ref, Labels labels, long scrapedHash, int iteration) {
      super(key);
      this.ref = ref;
      this.labels = labels;
      this.scrapedHash = scrapedHash;
      this.lastIteration = iteration;
    }

    boolean isDropped() {
      return labels == null;
    }
  }

  private final ScrapeMetrics metrics;
  /** Series and dropped texts in one map, so a scraped line costs one lookup. */
  private final SeriesTextMap<Entry> entries = new SeriesTextMap<>();
  private int droppedCount;
  /** Series tracked for staleness without a cache entry, in this scrape and in the previous one. */
  private LongKeyMap<Labels> uncachedCurrent = new LongKeyMap<>();
  private LongKeyMap<Labels> uncachedPrevious = new LongKeyMap<>();
  /**
   * Counts every scrape appended, failed ones included, unlike {@link #iteration}. Both are compared
   * only for equality, so wrapping around (after 2^32 scrapes) changes nothing.
   */
  private int scrapeNumber;
  /** Entries tracked in this scrape, those of them tracked in the previous one, and the previous scrape's count. */
  private int trackedNow;
  private int carriedOver;
  private int trackedBefore;
  private int iteration;
  /**
   * Entries of the map seen in this {@link #iteration}: when that is all of them, an eviction would
   * find nothing to evict, and its pass over the whole map (about 1.5 % of a scraping server's CPU)
   * is skipped.
   */
  private int seenInIteration;
  private int successfulCount;

  /** Series the storage is asked to prefetch at a time, and how far ahead of the line being read. */
  static final int PREFETCH_WINDOW = 64;
  /**
   * The entries of the last scrape that listed any, in its order; every one is in {@link #entries}
   * (emptied when an eviction may have removed some).
   */
  private Entry[] lastOrder = new Entry[0];
  private int lastLength;
  /** This scrape's entries as they are read. */
  private Entry[] order = new Entry[16];
  private int length;
  /** Where in {@link #lastOrder} the next line's entry is expected: after the previous line's. */
  private int cursor;
  /** Entries of {@link #lastOrder} before this index have been prefetched in this scrape. */
  private int prefetchedUntil;
  /** Where this scrape's prefetch hints go; null between scrapes. */
  private Appender storage;

  ScrapeCache(ScrapeMetrics metrics) {
    this.metrics = metrics;
  }

  /** Starts reading a scrape's lines ({@link #getLine}), whose appends go to {@code storage}. */
  void startScrape(Appender storage) {
    this.storage = storage;
    length = 0;
    cursor = 0;
    prefetchedUntil = 0;
  }

  /**
   * The entry of the series text {@code bytes[from, to)}, a series or a dropped text, marked as seen;
   * null when not cached. For series outside a scrape's lines (its report).
   */
  Entry get(byte[] bytes, int from, int to) {
    Entry entry = entries.get(bytes, from, to, null);
    if (entry != null) {
      markSeen(entry);
    }
    return entry;
  }

  /**
   * As {@link #get}, for the next line of the scrape started by {@link #startScrape}: looked for first
   * where the last scrape listed the series after the previous line's, and listed in this scrape's
   * order; storage hears of the series expected next.
   */
  Entry getLine(byte[] bytes, int from, int to) {
    if (cursor + PREFETCH_WINDOW > prefetchedUntil) {
      prefetchFrom(Math.max(cursor, prefetchedUntil));
    }
    Entry expected = cursor < lastLength ? lastOrder[cursor] : null;
    Entry entry = entries.get(bytes, from, to, expected);
    if (entry != null) {
      markSeen(entry);
      cursor = entry.position + 1;
      listed(entry);
    }
    return entry;
  }

  private void markSeen(Entry entry) {
    if (entry.lastIteration != iteration) {
      entry.lastIteration = iteration;
      seenInIteration++;
    }
  }

  /** Hints the series of {@link #lastOrder} from {@code start} up to a window past the cursor. */
  private void prefetchFrom(int start) {
    int end = Math.min(cursor + 2 * PREFETCH_WINDOW, lastLength);
    for (int i = start; i < end; i++) {
      Entry entry = lastOrder[i];
      if (!entry.isDropped()) {
        storage.prefetch(entry.ref);
      }
    }
    prefetchedUntil = Math.max(end, cursor + 2 * PREFETCH_WINDOW);
  }

  /** Appends an entry read in this scrape to its order. */
  private void listed(Entry entry) {
    if (length == order.length) {
      order = Arrays.copyOf(order, length * 2);
    }
    entry.position = length;
    order[length++] = entry;
  }

  /**
   * Caches a series the storage accepted and returns its entry; a zero ref (nothing stored) is not
   * cached, and null is returned.
   */
  Entry addRef(byte[] bytes, int from, int to, long ref, Labels labels, long scrapedHash) {
    if (ref == 0) {
      return null;
    }
    Entry entry = new Entry(entries.keyOf(bytes, from, to), ref, labels, scrapedHash, iteration);
    add(entry);
    return entry;
  }

  /** Caches a series text that metric relabeling dropped, so later scrapes skip it outright. */
  void addDropped(byte[] bytes, int from, int to) {
    add(new Entry(entries.keyOf(bytes, from, to), 0, null, 0, iteration));
    droppedCount++;
  }

  private void add(Entry entry) {
    Entry previous = entries.put(entry);
    seenInIteration++;
    if (previous != null) {
      if (previous.isDropped()) {
        droppedCount--;
      }
      if (previous.lastIteration == iteration) {
        seenInIteration--;
      }
      // The entry it replaces may be in either order, which must hold only entries of the map.
      forgetLastOrder();
      Arrays.fill(order, 0, length, null);
      length = 0;
    }
    listed(entry);
  }

  /** Notes a cached series present in this scrape (series with their own timestamps are never tracked). */
  void trackStaleness(Entry entry) {
    if (entry.trackedInScrape != scrapeNumber) {
      if (entry.trackedInScrape == scrapeNumber - 1) {
        carriedOver++;
      }
      entry.trackedInScrape = scrapeNumber;
      trackedNow++;
    }
  }

  /** Notes a series present in this scrape that has no cache entry. */
  void trackUncached(long scrapedHash, Labels labels) {
    uncachedCurrent.put(scrapedHash, labels);
  }

  /**
   * Calls {@code action} once for each label set of the previous scrape not seen in this one, until
   * it returns false.
   */
  void forEachStale(Predicate<Labels> action) {
    boolean entriesMissing = carriedOver < trackedBefore;
    if (!entriesMissing && uncachedPrevious.size() == 0) {
      return;
    }
    LongKeyMap<Boolean> seen = hashesOfThisScrape();
    if (entriesMissing) {
      for (int slot = 0; slot < entries.capacity(); slot++) {
        Entry entry = entries.valueAt(slot);
        if (entry != null && entry.trackedInScrape == scrapeNumber - 1
            && !markedStale(seen, entry.scrapedHash, entry.labels, action)) {
          return;
        }
      }
    }
    for (int slot = 0; slot < uncachedPrevious.capacity(); slot++) {
      Labels labels = uncachedPrevious.valueAt(slot);
      if (labels != null && !markedStale(seen, uncachedPrevious.keyAt(slot), labels, action)) {
        return;
      }
    }
  }

  /** The label hashes of this scrape's series, to which each one marked stale is added. */
  private LongKeyMap<Boolean> hashesOfThisScrape() {
    LongKeyMap<Boolean> seen = new LongKeyMap<>();
    for (int slot = 0; slot < entries.capacity(); slot++) {
      Entry entry = entries.valueAt(slot);
      if (entry != null && entry.trackedInScrape == scrapeNumber) {
        seen.put(entry.scrapedHash, Boolean.TRUE);
      }
    }
    for (int slot = 0; slot < uncachedCurrent.capacity(); slot++) {
      if (uncachedCurrent.valueAt(slot) != null) {
        seen.put(uncachedCurrent.keyAt(slot), Boolean.TRUE);
      }
    }
    return seen;
  }

  /** Marks a series of the previous scrape stale unless its labels are in {@code seen}; false to stop. */
  private static boolean markedStale(LongKeyMap<Boolean> seen, long scrapedHash, Labels labels,
      Predicate<Labels> action) {
    if (seen.containsKey(scrapedHash)) {
      return true;
    }
    seen.put(scrapedHash, Boolean.TRUE);
    return action.test(labels);
  }

  /**
   * Ends a scrape whose append went through (a failed append leaves the current set to be completed
   * by the empty append that follows it). {@code successful} is true for a non-empty body: only then
   * are entries not seen in it evicted, since a failed scrape looks like an empty one.
   */
  void iterationDone(boolean successful) {
    int count = entries.size();
    boolean flush = successful;
    if (successful) {
      successfulCount = count;
    } else if (count > successfulCount * 2 + 1000) {
      // Series churn during failing scrapes would otherwise grow the cache without bound.
      flush = true;
      metrics.cacheFlushForced();
    }
    if (flush) {
      if (seenInIteration < entries.size()) {
        entries.removeIf(this::evicted);
      }
      iteration++;
      seenInIteration = 0;
    }
    if (length > 0) {
      // Every entry of this order was seen in this iteration, so none was evicted.
      forgetLastOrder();
      Entry[] swap = lastOrder;
      lastOrder = order;
      lastLength = length;
      order = swap.length > 0 ? swap : new Entry[16];
    } else if (flush) {
      forgetLastOrder();
    }
    length = 0;
    storage = null;
    scrapeNumber++;
    trackedBefore = trackedNow;
    trackedNow = 0;
    carriedOver = 0;
    LongKeyMap<Labels> swap = uncachedPrevious;
    uncachedPrevious = uncachedCurrent;
    uncachedCurrent = swap;
    uncachedCurrent.clear();
  }

  /** Empties the last order, letting go of its entries. */
  private void forgetLastOrder() {
    Arrays.fill(lastOrder, 0, lastLength, null);
    lastLength = 0;
  }

  private boolean evicted(Entry entry) {
    if (entry.lastIteration == iteration) {
      return false;
    }
    if (entry.isDropped()) {
      droppedCount--;
    }
    return true;
  }

  int seriesCount() {
    return entries.size() - droppedCount;
  }

  int droppedCount() {
    return droppedCount;
  }
}
