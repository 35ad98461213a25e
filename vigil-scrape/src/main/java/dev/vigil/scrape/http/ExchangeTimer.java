package dev.vigil.scrape.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deadline of one plain HTTP exchange: when it passes, the connection in use is closed, so whatever
 * the scraping thread is blocked in (dialing, writing, reading the head or the body) ends at once.
 * Armed and expired by the scrape config's {@link DeadlineWatch}.
 */
final class ExchangeTimer {
  private static final int ARMED = 0;
  private static final int STOPPED = 1;
  private static final int EXPIRED = 2;

  private final DeadlineWatch watch;
  private final long deadlineNanos;
  /** Armed until the first of expiry and {@link #stop} settles it. */
  private final AtomicInteger state = new AtomicInteger(ARMED);
  private volatile Http1Connection connection;

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
    if (state.get() == EXPIRED) {
      c.expire();
    }
  }

  /** The deadline passed: closes the watched connection unless the exchange was stopped first. */
  void expire() {
    if (state.compareAndSet(ARMED, EXPIRED)) {
      Http1Connection c = connection;
      if (c != null) {
        c.expire();
      }
    }
  }

  /** Stops the timer; false when the deadline has already passed, so the connection may be closed. */
  boolean stop() {
    watch.disarm(this);
    return state.compareAndSet(ARMED, STOPPED) || state.get() == STOPPED;
  }
}
