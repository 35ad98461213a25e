package dev.vigil.bench.scrape;

/**
 * The value of one synthetic series as a function of the scrape epoch (wall-clock time divided by the
 * scrape interval): every scraper that reads a target within the same interval sees the same values,
 * so two servers scraping side by side store the same data, and values still change every interval.
 * Values are whole numbers in the series' unit; {@link MetricFamily.Line#hundredths()} says whether
 * the text shows them divided by 100.
 */
interface SeriesValue {
  long at(long epoch);

  /** Deterministic noise in [0, bound) for a series and an epoch (SplitMix64's finalizer). */
  static long noise(long seed, long epoch, long bound) {
    long z = seed * 0x9E3779B97F4A7C15L + epoch;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return Math.floorMod(z ^ (z >>> 31), bound);
  }

  /** A counter that grows by {@code step} per epoch, give or take noise below {@code step}: it rises every scrape. */
  record Counter(long seed, long base, long step) implements SeriesValue {
    public Counter {
      if (step < 1) {
        throw new IllegalArgumentException("a counter's step must be at least 1: " + step);
      }
    }

    @Override
    public long at(long epoch) {
      return base + step * epoch + noise(seed, epoch, step);
    }
  }

  /** A gauge that wanders around {@code base}: a slow sine of {@code amplitude}, plus noise of a tenth of it. */
  record Gauge(long seed, long base, long amplitude) implements SeriesValue {
    @Override
    public long at(long epoch) {
      double phase = (epoch + noise(seed, 0, 1000)) / 40.0;
      return base + Math.round(amplitude * Math.sin(phase)) + noise(seed, epoch, amplitude / 10 + 1);
    }
  }

  /** A cumulative histogram bucket: a fixed share of the histogram's count, so buckets stay ordered and only grow. */
  record Bucket(Counter count, int perMille) implements SeriesValue {
    @Override
    public long at(long epoch) {
      return count.at(epoch) * perMille / 1000;
    }
  }

  /** A histogram's sum: its count times a mean observation. */
  record Sum(Counter count, long mean) implements SeriesValue {
    @Override
    public long at(long epoch) {
      return count.at(epoch) * mean;
    }
  }
}
