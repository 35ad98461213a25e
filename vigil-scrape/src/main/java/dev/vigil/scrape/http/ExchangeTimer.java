package dev.vigil.scrape.http;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deadline of one plain HTTP exchange: when it passes, the connection in use is closed, so whatever
 * the scraping thread is blocked in (dialing, writing, reading the head or the body) ends at once.
 * Armed and expired by the scrape config's {@link DeadlineWatch}.
 */
final class ExchangeTimer {
  private final DeadlineWatch watch;
  private final long deadlineNanos;
  /** Set once, by whichever of expiry and {@link #stop} comes first. */
  private final AtomicBoolean settled = new AtomicBoolean();
  private volatile Http1Connection connection;
  private volatile boolean fired;

  ExchangeTimer(DeadlineWatch watch, long deadlineNanos) {
    this.watch = watch;
    this.deadlineNanos = deadlineNanos;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /** From now on the deadline closes {@code c} (at once, when it has already passed). */
  void watch(Http1Connection c) {
    connection = c;
    if (fired) {
      c.expire();
    }
  }

  /** The deadline passed: closes the watched connection unless the exchange was stopped first. */
  void expire() {
    if (settled.compareAndSet(false, true)) {
      fired = true;
      Http1Connection c = connection;
      if (c != null) {
        c.expire();
      }
    }
  }

  /** Stops the timer; false when the deadline has already passed, so the connection may be closed. */
  boolean stop() {
    watch.disarm(this);
    return settled.compareAndSet(false, true) || !fired;
  }
}
