package dev.vigil.scrape.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of one plain HTTP exchange: when it passes, the connection in use is closed, so whatever
 * the scraping thread is blocked in (dialing, writing, reading the head or the body) ends at once.
 * One timer thread per scrape config serves all its targets.
 */
final class ExchangeTimer implements Runnable {
  private final ScheduledFuture<?> task;
  private volatile Http1Connection connection;
  private volatile boolean fired;

  /**
   * @throws java.util.concurrent.RejectedExecutionException when the timer has been shut down
   */
  ExchangeTimer(ScheduledExecutorService timer, long deadlineNanos) {
    this.task = timer.schedule(this, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** From now on the deadline closes {@code c} (at once, when it has already passed). */
  void watch(Http1Connection c) {
    connection = c;
    if (fired) {
      c.expire();
    }
  }

  @Override
  public void run() {
    fired = true;
    Http1Connection c = connection;
    if (c != null) {
      c.expire();
    }
  }

  /** Stops the timer; false when the deadline has already passed, so the connection may be closed. */
  boolean stop() {
    return task.cancel(false) && !fired;
  }
}
