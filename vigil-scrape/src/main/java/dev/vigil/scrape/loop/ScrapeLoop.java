package dev.vigil.scrape.loop;

import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes one target on its rhythm and appends what it reads, as Prometheus 2.42's {@code scrapeLoop}.
 *
 * <p><b>Timing.</b> The first scrape comes at the target's offset within the interval ({@link
 * Target#offsetNanos}); then one per tick of a fixed grid, every interval from the first. A scrape that
 * overruns a tick is followed at once by the next one, and further missed ticks are dropped, as Go's
 * ticker does. A sample's timestamp is the scrape's start, {@linkplain TimestampAligner aligned} to
 * the grid when only slightly late.
 *
 * <p><b>One scrape.</b> A failed scrape is appended as an empty body, so every series of the previous
 * scrape gets a staleness marker; a body that fails to append is rolled back and replaced by that
 * empty append. Then the report series and the target's health record the outcome, and the whole
 * scrape commits as one transaction. A forced error (the pool's target limit) skips the scrape itself.
 *
 * <p><b>Stopping.</b> {@link #requestStop()} lets a scrape in progress finish. A target that is gone
 * then gets staleness markers for all its series, report series included, stamped at the time of
 * its next tick and written one interval and a tenth later, in case the target comes back meanwhile
 * (its new loop's samples then win, the markers being out of order). A reload that keeps the target
 * disables these markers first; a pool that shuts down ({@link #shutdown()}, or {@code poolStopped})
 * writes none and interrupts the scrape in progress, whose result is then discarded.
 */
final class ScrapeLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ScrapeLoop.class);
  private static final long NANOS_PER_MILLI = 1_000_000;
  private static final ScrapeBody EMPTY_BODY = new ScrapeBody(new byte[0], 0, "");

  private final Target target;
  private final TargetScraper scraper;
  private final ScrapeCache cache;
  private final LoopSettings settings;
  private final LoopServices services;
  private final BooleanSupplier poolStopped;
  private final BodyAppender bodyAppender;
  private final ReportSeries reportSeries;
  private final long intervalNanos;

  private final Object lock = new Object();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean started;
  private boolean stopRequested;
  private boolean shutdown;
  private boolean endOfRunStalenessDisabled;
  private ScrapeScheduler.Pending pendingTick;
  private Thread scrapingThread;
  private volatile String forcedError;

  // Touched by one tick at a time; each tick is handed over under the lock.
  private boolean scrapedOnce;
  private long nextTickNanos;
  private TimestampAligner aligner;

  ScrapeLoop(Target target, TargetScraper scraper, ScrapeCache cache, LoopSettings settings, LoopServices services,
      BooleanSupplier poolStopped) {
    this.target = target;
    this.scraper = scraper;
    this.cache = cache;
    this.settings = settings;
    this.services = services;
    this.poolStopped = poolStopped;
    SampleLabeler labeler = new SampleLabeler(target.labels(), settings.honorLabels(), settings.metricRelabelConfigs());
    this.bodyAppender = new BodyAppender(target.url(), cache, labeler, settings, services.clock(), services.metrics());
    this.reportSeries = new ReportSeries(cache, labeler);
    this.intervalNanos = settings.intervalMillis() * NANOS_PER_MILLI;
  }

  Target target() {
    return target;
  }

  ScrapeCache cache() {
    return cache;
  }

  /** Makes every scrape fail with {@code error} without scraping, or scrape again when null. */
  void setForcedError(String error) {
    forcedError = error;
  }

  /** Called before {@link #requestStop()} when a new loop takes over this one's cache. */
  void disableEndOfRunStalenessMarkers() {
    synchronized (lock) {
      endOfRunStalenessDisabled = true;
    }
  }

  void start() {
    synchronized (lock) {
      if (stopRequested) {
        return;
      }
      started = true;
      long delay = target.offsetNanos(intervalNanos, services.jitterSeed(), epochNanosNow());
      nextTickNanos = System.nanoTime() + delay;
      pendingTick = services.scheduler().schedule(this::firstTick, delay);
    }
  }

  /** Stops scraping once a scrape in progress is done; does not wait for that. */
  void requestStop() {
    synchronized (lock) {
      if (stopRequested) {
        return;
      }
      stopRequested = true;
      // A tick already started cannot be cancelled; it sees the request and finishes.
      if (!started || pendingTick.cancel()) {
        finish();
      }
    }
  }

  /** Stops without any more writes: interrupts a scrape in progress and writes no staleness markers. */
  void shutdown() {
    synchronized (lock) {
      shutdown = true;
      if (scrapingThread != null) {
        scrapingThread.interrupt();
      }
    }
    requestStop();
  }

  /** Waits until no scrape is in progress and none will start. */
  void awaitStopped() {
    boolean interrupted = false;
    while (true) {
      try {
        stopped.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void firstTick() {
    nextTickNanos = System.nanoTime();
    aligner = new TimestampAligner(intervalNanos, epochNanosNow());
    tick();
  }

  private void tick() {
    synchronized (lock) {
      if (stopRequested) {
        finish();
        return;
      }
    }
    try {
      scrapeAndReport(aligner.align(epochNanosNow()));
    } catch (RuntimeException e) {
      LOG.error("Scrape failed unexpectedly target={}", target, e);
    }
    long delay = advanceToNextTick();
    synchronized (lock) {
      if (stopRequested) {
        finish();
        return;
      }
      pendingTick = services.scheduler().schedule(this::tick, delay);
    }
  }

  /** The next tick of the grid; when ticks passed during the scrape, the latest of them, at once. */
  private long advanceToNextTick() {
    long now = System.nanoTime();
    nextTickNanos += intervalNanos;
    if (nextTickNanos - now > 0) {
      return nextTickNanos - now;
    }
    nextTickNanos += (now - nextTickNanos) / intervalNanos * intervalNanos;
    return 0;
  }

  /** Scrapes once and appends the result at {@code appendTimeEpochNanos}, in one transaction. */
  void scrapeAndReport(long appendTimeEpochNanos) {
    long start = System.nanoTime();
    long t = Math.floorDiv(appendTimeEpochNanos, NANOS_PER_MILLI);
    scrapedOnce = true;
    ScrapeMetrics metrics = services.metrics();
    metrics.scraped();
    ScrapeBody body = EMPTY_BODY;
    String error = forcedError;
    if (error != null) {
      metrics.failed(ScrapeMetrics.FailureKind.TARGET_LIMIT);
    } else {
      try {
        body = fetch();
      } catch (ScrapeFailure e) {
        error = e.getMessage();
        metrics.failed(ScrapeMetrics.FailureKind.FETCH);
        LOG.debug("Scrape failed target={} err={}", target, error);
      } catch (InterruptedException e) {
        // Only a shutdown interrupts a scrape, and the interrupt has done its job of ending the fetch.
        // The server will resume where it stopped, so nothing is written.
        return;
      }
    }
    Appender app = services.storage().appender();
    AppendResult result;
    try {
      result = bodyAppender.append(app, body, t);
    } finally {
      scraper.release();
    }
    int appended = result.appended();
    if (result.failed()) {
      LOG.debug("Append failed target={} err={}", target, result.error());
      app.rollback();
      app = services.storage().appender();
      appended = body.length() > 0 ? appendStaleness(app, t) : 0;
      if (error == null) {
        error = result.error();
        metrics.failed(ScrapeMetrics.FailureKind.BODY);
      }
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    target.report(instant(appendTimeEpochNanos), duration, error);
    try {
      reportSeries.append(app, t, error == null, duration, result);
    } catch (StorageException e) {
      LOG.warn("Appending scrape report failed target={} err={}", target, e.getMessage());
      app.rollback();
      return;
    }
    commit(app, appended);
  }

  /**
   * Reads the target. Only this part of a scrape can be interrupted by a shutdown: an interrupt while
   * appending could break storage's file channels, so any interrupt left after the fetch is cleared.
   */
  private ScrapeBody fetch() throws ScrapeFailure, InterruptedException {
    synchronized (lock) {
      if (shutdown) {
        throw new InterruptedException("the scrape pool is shutting down");
      }
      scrapingThread = Thread.currentThread();
    }
    try {
      return scraper.scrape(settings.timeoutMillis());
    } finally {
      synchronized (lock) {
        scrapingThread = null;
        Thread.interrupted();
      }
    }
  }

  /** Marks every series of the previous scrape stale, as after an empty scrape; returns the markers written. */
  private int appendStaleness(Appender app, long t) {
    AppendResult staleness = bodyAppender.append(app, EMPTY_BODY, t);
    if (staleness.failed()) {
      LOG.warn("Append failed target={} err={}", target, staleness.error());
      app.rollback();
      return 0;
    }
    return staleness.appended();
  }

  private void commit(Appender app, int appendedSamples) {
    try {
      app.commit();
      services.metrics().appended(appendedSamples);
    } catch (StorageException e) {
      LOG.error("Scrape commit failed target={} err={}", target, e.getMessage());
    }
  }

  /** Under the lock: no tick runs any more. */
  private void finish() {
    scraper.close();
    stopped.countDown();
    if (started && scrapedOnce && !endOfRunStalenessDisabled && !shutdown) {
      long untilNextTick = Math.max(0, nextTickNanos - System.nanoTime());
      long staleTime = epochNanosNow() + untilNextTick;
      services.scheduler().schedule(() -> writeEndOfRunStaleness(staleTime),
          untilNextTick + intervalNanos + intervalNanos / 10);
    }
  }

  /**
   * Marks all the target's series stale, report series included. Holding the lock while writing makes
   * a shutdown wait for a write in progress rather than race it.
   */
  private void writeEndOfRunStaleness(long staleTimeEpochNanos) {
    synchronized (lock) {
      if (shutdown || poolStopped.getAsBoolean()) {
        return;
      }
      long t = Math.floorDiv(staleTimeEpochNanos, NANOS_PER_MILLI);
      Appender app = services.storage().appender();
      AppendResult staleness = bodyAppender.append(app, EMPTY_BODY, t);
      if (staleness.failed()) {
        LOG.warn("Stale append failed target={} err={}", target, staleness.error());
        app.rollback();
        app = services.storage().appender();
      }
      try {
        reportSeries.appendStale(app, t);
      } catch (StorageException e) {
        LOG.warn("Stale report failed target={} err={}", target, e.getMessage());
        app.rollback();
        return;
      }
      commit(app, staleness.failed() ? 0 : staleness.appended());
    }
  }

  private long epochNanosNow() {
    Instant now = services.clock().instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }
}
