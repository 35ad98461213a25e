package dev.vigil.scrape.loop;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every scrape loop on few threads. Java 17 has no virtual threads, and a platform thread per
 * target would sit idle nearly all the time, so the loops' ticks wait in one delay queue served by a
 * pool whose idle threads take turns waiting for the earliest tick and run it themselves: no thread
 * wakes only to hand a scrape to another (which cost more CPU than the hand-over is worth at a few
 * milliseconds a scrape). A scrape blocked on a slow target must not delay other targets, so the pool
 * keeps one thread more than it has running: when a task starts on the last idle thread, another is
 * added; when a task ends and more than two are idle, one goes (after a minute idle). The pool thus
 * grows with the scrapes in progress, not with the targets. A loop schedules its next tick only when
 * its current one is done, so its scrapes never overlap. Threads are daemons: a scheduler left open
 * cannot keep the JVM alive.
 */
final class ScrapeScheduler implements AutoCloseable {
  private static final long CLOSE_WAIT_SECONDS = 10;
  private static final long IDLE_THREAD_SECONDS = 60;
  /** Idle threads kept beyond the one waiting for the next tick. */
  private static final int SPARE_IDLE = 1;

  private final ScheduledThreadPoolExecutor pool;
  /** Tasks running; the pool's size is adjusted under this scheduler's lock. */
  private int running;

  ScrapeScheduler() {
    pool = new ScheduledThreadPoolExecutor(1, daemons("vigil-scrape-worker"));
    // A thread beyond the pool's size lingers a minute before it ends, so occasional overlaps of a few
    // scrapes reuse threads instead of making and ending one each time.
    pool.setKeepAliveTime(IDLE_THREAD_SECONDS, TimeUnit.SECONDS);
    // A stopped loop's cancelled tick leaves the queue at once instead of waiting out its delay.
    pool.setRemoveOnCancelPolicy(true);
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** A task waiting for its time, which can be cancelled until it starts and not after. */
  static final class Pending {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Future<?> queued;

    /**
     * True when the task will not run; false when it has started (or ended). The pool's own future
     * would report a running task as cancelled.
     */
    boolean cancel() {
      if (!claimed.compareAndSet(false, true)) {
        return false;
      }
      Future<?> inQueue = queued;
      if (inQueue != null) {
        inQueue.cancel(false);
      }
      return true;
    }

    /** Claims the task for running; false when it was cancelled first. */
    private boolean start() {
      return claimed.compareAndSet(false, true);
    }
  }

  /** Runs {@code task} after {@code delayNanos}, unless cancelled before. */
  Pending schedule(Runnable task, long delayNanos) {
    Pending pending = new Pending();
    pending.queued = pool.schedule(() -> {
      if (pending.start()) {
        run(task);
      }
    }, delayNanos, TimeUnit.NANOSECONDS);
    return pending;
  }

  /** Runs tasks now on the pool, for work that may block, such as syncing several pools at once. */
  Executor workers() {
    return task -> pool.execute(() -> run(task));
  }

  /** Threads the pool keeps now: those running tasks and the idle ones it does not let go. */
  synchronized int threads() {
    return pool.getCorePoolSize();
  }

  private void run(Runnable task) {
    started();
    try {
      task.run();
    } finally {
      ended();
    }
  }

  private synchronized void started() {
    running++;
    if (running >= pool.getCorePoolSize()) {
      // The last idle thread took this task: one more waits for the next tick.
      pool.setCorePoolSize(running + 1);
    }
  }

  private synchronized void ended() {
    running--;
    if (pool.getCorePoolSize() > running + 1 + SPARE_IDLE) {
      // The pool ends a thread beyond its core size when that thread is next idle.
      pool.setCorePoolSize(pool.getCorePoolSize() - 1);
    }
  }

  /**
   * Drops pending tasks and waits (boundedly) for running ones, which are not interrupted: they may be
   * writing to storage. Loops are stopped before, so what still runs is a short write.
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
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
