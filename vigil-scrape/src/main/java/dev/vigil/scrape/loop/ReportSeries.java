package dev.vigil.scrape.loop;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The series every scrape reports about itself, with the target's labels, at the scrape's timestamp,
 * as Prometheus 2.42 writes them by default: {@code up}, {@code scrape_duration_seconds},
 * {@code scrape_samples_scraped}, {@code scrape_samples_post_metric_relabeling} and
 * {@code scrape_series_added}. (The {@code extra-scrape-metrics} feature's three are not written.)
 */
final class ReportSeries {
  private static final String[] NAMES = {
    "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
    "scrape_series_added"
  };
  /**
   * Report series share the scrape cache with scraped series under their name plus the byte 0xff,
   * which no series text holds (names are ASCII, label values valid UTF-8), as 2.42 keys them.
   */
  private static final byte[][] CACHE_KEYS = cacheKeys();

  private final ScrapeCache cache;
  private final SampleLabeler labeler;

  ReportSeries(ScrapeCache cache, SampleLabeler labeler) {
    this.cache = cache;
    this.labeler = labeler;
  }

  /**
   * Appends one scrape's report.
   *
   * @throws dev.vigil.core.storage.StorageException when storage fails or refuses a sample as out of
   *     bounds; the caller rolls the whole scrape back, as 2.42 does
   */
  void append(Appender app, long t, boolean up, Duration duration, AppendResult result) {
    appendAll(app, t, new double[] {
      up ? 1 : 0, seconds(duration), result.total(), result.added(), result.seriesAdded()
    });
  }

  /** Marks every report series stale, when a target is gone. */
  void appendStale(Appender app, long t) {
    double[] stale = new double[NAMES.length];
    Arrays.fill(stale, StaleMarker.STALE_NAN);
    appendAll(app, t, stale);
  }

  private void appendAll(Appender app, long t, double[] values) {
    for (int i = 0; i < NAMES.length; i++) {
      byte[] key = CACHE_KEYS[i];
      ScrapeCache.Entry cached = cache.get(key, 0, key.length);
      Labels labels = cached != null ? cached.labels : labeler.reportLabels(NAMES[i]);
      try {
        long ref = app.append(cached != null ? cached.ref : 0, labels, t, values[i]);
        if (cached == null) {
          cache.addRef(key, 0, key.length, ref, labels, LabelsHash.of(labels));
        }
      } catch (SampleRejectedException e) {
        // Out of order or duplicate: expected when a target left and came back under a new loop.
        if (e.reason() == SampleRejectedException.Reason.OUT_OF_BOUNDS) {
          throw e;
        }
      }
    }
  }

  private static byte[][] cacheKeys() {
    byte[][] keys = new byte[NAMES.length][];
    for (int i = 0; i < NAMES.length; i++) {
      keys[i] = (NAMES[i] + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
    }
    return keys;
  }

  /** Go's {@code Duration.Seconds()}: whole seconds plus the remaining nanoseconds / 1e9, for the same bits. */
  static double seconds(Duration duration) {
    long nanos = duration.toNanos();
    return (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
  }
}
