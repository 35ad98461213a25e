package dev.vigil.scrape.loop;

import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.core.storage.StorageException;
import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.ExpositionFormat;
import dev.vigil.scrape.textparse.ExpositionParser;
import dev.vigil.scrape.textparse.TextParseException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one scrape's body for one target, as Prometheus 2.42's {@code scrapeLoop.append}.
 *
 * <p>Each sample's labels come from the {@link ScrapeCache} by the series' text, or are parsed,
 * labeled ({@link SampleLabeler}) and checked (metric name present, names valid, {@link LabelLimits})
 * and then cached; series dropped by metric relabeling are cached as dropped. A sample limit counts the
 * samples offered to storage after relabeling and fails the scrape once exceeded, though the body is
 * still read to the end so the report counts every sample. Samples more than 10 minutes in the future,
 * and samples storage refuses as out of order, duplicate or out of bounds, are counted and skipped
 * without failing the scrape. When the body went through, every series of the previous scrape not in
 * this one gets a staleness marker at {@code defaultTime}; an empty body (how a failed scrape is
 * appended) so marks them all.
 *
 * <p>A failure leaves the appender holding part of the body: the caller rolls it back.
 */
final class BodyAppender {
  private static final Logger LOG = LoggerFactory.getLogger(BodyAppender.class);
  /** 2.42's {@code maxAheadTime}. */
  private static final long MAX_AHEAD_MILLIS = 10 * 60 * 1000;

  private final String target;
  private final ScrapeCache cache;
  private final SampleLabeler labeler;
  private final LoopSettings settings;
  private final Clock clock;
  private final ScrapeMetrics metrics;

  BodyAppender(String target, ScrapeCache cache, SampleLabeler labeler, LoopSettings settings, Clock clock,
      ScrapeMetrics metrics) {
    this.target = target;
    this.cache = cache;
    this.labeler = labeler;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Appends {@code body}, in the format its Content-Type selects. */
  AppendResult append(Appender app, ScrapeBody body, long defaultTime) {
    Pass pass = new Pass(app, defaultTime, clock.millis() + MAX_AHEAD_MILLIS);
    cache.startScrape(app);
    pass.run(ExpositionFormat.forContentType(body.contentType()).parser(body.bytes(), body.length()));
    if (pass.error == null) {
      cache.iterationDone(body.length() > 0);
    }
    return new AppendResult(pass.total, pass.added, pass.seriesAdded, pass.appended, pass.error);
  }

  /** The state of one append. */
  private final class Pass {
    private final Appender app;
    private final long defaultTime;
    private final long maxTime;
    private int total;
    private int added;
    private int seriesAdded;
    private int appended;
    private int offered;
    private boolean sampleLimitExceeded;
    private int outOfOrder;
    private int duplicates;
    private int outOfBounds;
    private String error;
    /** The ref storage returned for the last sample offered; 0 when it was not stored. */
    private long ref;

    Pass(Appender app, long defaultTime, long maxTime) {
      this.app = app;
      this.defaultTime = defaultTime;
      this.maxTime = maxTime;
    }

    void run(ExpositionParser parser) {
      try {
        readSamples(parser);
      } catch (TextParseException e) {
        error = e.reason();
      } catch (StorageException e) {
        error = e.getMessage();
      }
      if (sampleLimitExceeded) {
        error = error == null ? "sample limit exceeded" : error;
        metrics.sampleLimitExceeded();
      }
      logRejections();
      if (error == null) {
        cache.forEachStale(this::markStale);
      }
    }

    private void readSamples(ExpositionParser parser) throws TextParseException {
      for (Entry entry = parser.next(); entry != Entry.EOF; entry = parser.next()) {
        if (entry == Entry.SERIES && !readSample(parser)) {
          return;
        }
      }
    }

    /** Appends the current sample; false when it fails the scrape. */
    private boolean readSample(ExpositionParser parser) throws TextParseException {
      total++;
      boolean ownTimestamp = settings.honorTimestamps() && parser.hasTimestamp();
      long t = ownTimestamp ? parser.timestampMillis() : defaultTime;
      byte[] buffer = parser.buffer();
      int from = parser.seriesStart();
      int to = parser.seriesEnd();
      ScrapeCache.Entry cached = cache.getLine(buffer, from, to);
      if (cached != null && cached.isDropped()) {
        return true;
      }
      if (cached != null) {
        if (offer(cached.ref, cached.labels, t, parser.value()) && !ownTimestamp) {
          cache.trackStaleness(cached);
        }
      } else {
        Labels scraped = parser.labels();
        long scrapedHash = LabelsHash.of(scraped);
        Labels labels = labeler.sampleLabels(scraped);
        if (labels.isEmpty()) {
          cache.addDropped(buffer, from, to);
          return true;
        }
        error = invalidity(labels);
        if (error != null) {
          return false;
        }
        boolean stored = offer(0, labels, t, parser.value());
        ScrapeCache.Entry added = cache.addRef(buffer, from, to, ref, labels, scrapedHash);
        // Series with their own timestamps are left out of staleness handling, as in 2.42.
        if (!ownTimestamp) {
          if (added != null) {
            cache.trackStaleness(added);
          } else {
            cache.trackUncached(scrapedHash, labels);
          }
        }
        if (stored && !sampleLimitExceeded) {
          seriesAdded++;
        }
      }
      // Counted even when storage refused the sample: the report tells how many relabeling kept.
      added++;
      return true;
    }

    private String invalidity(Labels labels) {
      if (!labels.has(Labels.METRIC_NAME)) {
        return "missing metric name (" + Labels.METRIC_NAME + " label)";
      }
      if (!valid(labels)) {
        return "invalid metric name or label names: " + labels;
      }
      Optional<String> overLimit = settings.labelLimits().violation(labels);
      if (overLimit.isPresent()) {
        metrics.labelLimitsExceeded();
        return overLimit.get();
      }
      return null;
    }

    /**
     * Offers one sample to storage through 2.42's limits: the sample limit first (staleness markers
     * do not count), then the time limit. False when it was not stored.
     */
    private boolean offer(long knownRef, Labels labels, long t, double v) {
      ref = 0;
      if (settings.sampleLimit() > 0 && !StaleMarker.isStale(v) && ++offered > settings.sampleLimit()) {
        sampleLimitExceeded = true;
        return false;
      }
      if (t > maxTime) {
        outOfBounds++;
        metrics.outOfBounds();
        return false;
      }
      try {
        ref = app.append(knownRef, labels, t, v);
        appended++;
        return true;
      } catch (SampleRejectedException e) {
        countRejection(e.reason());
        return false;
      }
    }

    private void countRejection(SampleRejectedException.Reason reason) {
      switch (reason) {
        case OUT_OF_ORDER:
          outOfOrder++;
          metrics.outOfOrder();
          break;
        case DUPLICATE_TIMESTAMP:
          duplicates++;
          metrics.duplicateTimestamp();
          break;
        case OUT_OF_BOUNDS:
          outOfBounds++;
          metrics.outOfBounds();
          break;
      }
    }

    /**
     * Writes one staleness marker; false (with the error) when storage fails. A marker refused as out
     * of order or duplicate is expected when the target came back under a new loop, and is ignored.
     */
    private boolean markStale(Labels labels) {
      try {
        app.append(0, labels, defaultTime, StaleMarker.STALE_NAN);
        appended++;
        return true;
      } catch (SampleRejectedException e) {
        if (e.reason() == SampleRejectedException.Reason.OUT_OF_BOUNDS) {
          error = e.getMessage();
          return false;
        }
        return true;
      } catch (StorageException e) {
        error = e.getMessage();
        return false;
      }
    }

    private void logRejections() {
      if (outOfOrder > 0) {
        LOG.warn("Error on ingesting out-of-order samples target={} num_dropped={}", target, outOfOrder);
      }
      if (duplicates > 0) {
        LOG.warn("Error on ingesting samples with different value but same timestamp target={} num_dropped={}",
            target, duplicates);
      }
      if (outOfBounds > 0) {
        LOG.warn("Error on ingesting samples that are too old or are too far into the future target={} num_dropped={}",
            target, outOfBounds);
      }
    }
  }

  /** 2.42's {@code Labels.IsValid}: a valid metric name, valid label names, valid UTF-8 values. */
  private static boolean valid(Labels labels) {
    for (int i = 0; i < labels.size(); i++) {
      String name = labels.name(i);
      String value = labels.value(i);
      if (name.equals(Labels.METRIC_NAME) && !LabelNames.isValidMetricName(value)) {
        return false;
      }
      if (!LabelNames.isValidLabelName(name) || !LabelNames.isValidLabelValue(value)) {
        return false;
      }
    }
    return true;
  }
}
