package dev.vigil.tsdb;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a storage's compaction in the background, as Prometheus's DB.run: on a fixed interval (a
 * minute in Prometheus) and as soon as a commit leaves the head compactable, one run at a time. A
 * failed run is reported and retried at the next occasion; the storage keeps serving meanwhile.
 */
final class TsdbMaintenance implements AutoCloseable {
  private final Tsdb tsdb;
  private final Consumer<String> log;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile long failures;

  private TsdbMaintenance(Tsdb tsdb, Consumer<String> log) {
    this.tsdb = tsdb;
    this.log = log;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-tsdb-compaction");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts compacting {@code tsdb} every {@code intervalMillis} and whenever its head becomes compactable. */
  static TsdbMaintenance start(Tsdb tsdb, long intervalMillis, Consumer<String> log) {
    TsdbMaintenance m = new TsdbMaintenance(tsdb, log);
    m.executor.scheduleWithFixedDelay(m::run, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    tsdb.head().onCommit(() -> {
      if (tsdb.head().compactable()) {
        m.trigger();
      }
    });
    m.trigger();
    return m;
  }

  /** Asks for a run soon; a run already waiting absorbs the request. */
  void trigger() {
    if (queued.compareAndSet(false, true)) {
      try {
        executor.execute(this::run);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false);
      }
    }
  }

  /** Runs that ended in an error since start. */
  long failures() {
    return failures;
  }

  private void run() {
    queued.set(false);
    try {
      long start = System.nanoTime();
      List<BlockMeta> written = tsdb.compact();
      for (BlockMeta meta : written) {
        log.accept("write block: ulid=" + meta.ulid() + " mint=" + meta.minTime() + " maxt=" + meta.maxTime()
            + " duration=" + (System.nanoTime() - start) / 1_000_000 + "ms");
      }
    } catch (Exception | OutOfMemoryError e) {
      failures++;
      log.accept("compaction failed: " + e);
    }
  }

  /** Stops scheduling runs and waits for one in progress to end. */
  @Override
  public void close() {
    tsdb.head().onCommit(() -> {});
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
