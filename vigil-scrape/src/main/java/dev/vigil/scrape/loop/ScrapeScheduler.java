package dev.vigil.scrape.loop;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every scrape loop on few threads. Java 17 has no virtual threads, and a platform thread per
 * target would sit idle nearly all the time, so one timer thread wakes each loop at its next tick and
 * hands the scrape to a worker pool that grows with the scrapes in progress (not with the targets) and
 * shrinks when idle. A scrape blocked on a slow target ties up one worker, never the timer or other
 * targets. A loop schedules its next tick only when its current one is done, so its scrapes never
 * overlap. Threads are daemons: a scheduler left open cannot keep the JVM alive.
 */
final class ScrapeScheduler implements AutoCloseable {
  private static final long IDLE_WORKER_SECONDS = 60;
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final ScheduledThreadPoolExecutor timer;
  private final ThreadPoolExecutor workers;

  ScrapeScheduler() {
    timer = new ScheduledThreadPoolExecutor(1, daemons("vigil-scrape-timer"));
    // A stopped loop's cancelled tick leaves the queue at once instead of waiting out its delay.
    timer.setRemoveOnCancelPolicy(true);
    workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_WORKER_SECONDS, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemons("vigil-scrape-worker"));
  }

  /**
   * Runs {@code task} on a worker after {@code delayNanos}. Cancelling the returned future succeeds
   * only while the task has not been handed to a worker yet.
   */
  Future<?> schedule(Runnable task, long delayNanos) {
    return timer.schedule(() -> workers.execute(task), delayNanos, TimeUnit.NANOSECONDS);
  }

  /** The workers, for work that may block, such as syncing several pools at once. */
  Executor workers() {
    return workers;
  }

  /**
   * Drops pending tasks and waits (boundedly) for running ones, which are not interrupted: they may be
   * writing to storage. Loops are stopped before, so what still runs is a short write.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdown();
    try {
      timer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
