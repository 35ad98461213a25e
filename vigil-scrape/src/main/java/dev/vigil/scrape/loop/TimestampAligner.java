package dev.vigil.scrape.loop;

/**
 * Prometheus 2.42's scrape timestamp alignment (issue 7846): timers fire a little late, and timestamps
 * a few milliseconds off the grid cost the TSDB compression, so a scrape starting at most 2 ms after
 * its tick of the grid (every interval from the loop's first scrape) is stamped with the tick itself.
 * Intervals of 200 ms or less are never aligned. Used by one loop, one scrape at a time.
 */
final class TimestampAligner {
  /** 2.42's {@code ScrapeTimestampTolerance}. */
  private static final long TOLERANCE_NANOS = 2_000_000;

  private final long intervalNanos;
  private long tickEpochNanos;

  /** A grid of {@code intervalNanos} through {@code firstScrapeEpochNanos}. */
  TimestampAligner(long intervalNanos, long firstScrapeEpochNanos) {
    this.intervalNanos = intervalNanos;
    this.tickEpochNanos = firstScrapeEpochNanos;
  }

  /** The timestamp for a scrape starting at {@code scrapeEpochNanos}. */
  long align(long scrapeEpochNanos) {
    if (intervalNanos <= 100 * TOLERANCE_NANOS) {
      return scrapeEpochNanos;
    }
    long late = scrapeEpochNanos - tickEpochNanos;
    if (late >= intervalNanos) {
      // Ticks may have been skipped; move to the latest one not after the scrape.
      tickEpochNanos += late / intervalNanos * intervalNanos;
    }
    return scrapeEpochNanos - tickEpochNanos <= TOLERANCE_NANOS ? tickEpochNanos : scrapeEpochNanos;
  }
}
