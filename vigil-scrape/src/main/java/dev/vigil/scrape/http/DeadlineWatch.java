package dev.vigil.scrape.http;

import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of one scrape config's plain HTTP exchanges, watched by one thread that sleeps until the
 * earliest of them and then expires whatever is overdue.
 *
 * <p>Nearly every exchange ends long before its deadline, so the thread is woken by an exchange only
 * when its deadline comes before the moment the thread already means to wake at. While nothing is armed
 * the thread sleeps for as long as the last deadline was ahead when it was armed: a scrape config arms
 * its exchanges one after another with the same timeout, so each deadline falls after the thread's next
 * wake and arming costs no wake-up. (A scheduled executor woke its thread for every exchange, each
 * armed into an empty queue: about 2 % of the CPU of a server scraping 200,000 series.)
 */
final class DeadlineWatch {
  /** The shortest idle sleep, whatever the timeouts: a watch never wakes more often than this while idle. */
  static final long MIN_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final String CLOSED = "the scrape config's client is closed";

  private final Set<ExchangeTimer> armed = ConcurrentHashMap.newKeySet();
  private final ThreadFactory threads;
  private final long minIdleNanos;
  private final Object startLock = new Object();
  private volatile Thread thread;
  private volatile boolean closed;
  /** When the thread wakes next, unless unparked. */
  private volatile long wakeAt;
  private volatile long idleNanos;
  /** Counted for tests, which check that arming does not wake the thread. */
  private volatile long wakeUps;

  DeadlineWatch(ThreadFactory threads) {
    this(threads, MIN_IDLE_NANOS);
  }

  /** A watch whose idle sleeps last at least {@code minIdleNanos}: long ones let tests see a lost wake-up. */
  DeadlineWatch(ThreadFactory threads, long minIdleNanos) {
    this.threads = threads;
    this.minIdleNanos = minIdleNanos;
    this.idleNanos = minIdleNanos;
  }

  /**
   * A timer whose expiry closes the connection it watches at {@code deadlineNanos} ({@link System#nanoTime}).
   *
   * @throws RejectedExecutionException once the watch is closed
   */
  ExchangeTimer arm(long deadlineNanos) {
    if (closed) {
      throw new RejectedExecutionException(CLOSED);
    }
    Thread watcher = thread != null ? thread : start();
    ExchangeTimer timer = new ExchangeTimer(this, deadlineNanos);
    idleNanos = Math.max(deadlineNanos - System.nanoTime(), minIdleNanos);
    armed.add(timer);
    if (closed) {
      // Closed meanwhile: the thread may have ended without seeing this timer.
      armed.remove(timer);
      throw new RejectedExecutionException(CLOSED);
    }
    // The thread publishes wakeAt before its last look at the armed set: either it sees this timer
    // there, or this read sees the moment it will sleep until.
    if (deadlineNanos - wakeAt < 0) {
      LockSupport.unpark(watcher);
    }
    return timer;
  }

  void disarm(ExchangeTimer timer) {
    armed.remove(timer);
  }

  /** Stops the thread; timers armed before never expire, and arming fails from now on. */
  void close() {
    synchronized (startLock) {
      closed = true;
    }
    Thread watcher = thread;
    if (watcher != null) {
      LockSupport.unpark(watcher);
    }
  }

  /** How many times the thread has looked at the armed timers. */
  long wakeUps() {
    return wakeUps;
  }

  private Thread start() {
    synchronized (startLock) {
      if (closed) {
        throw new RejectedExecutionException(CLOSED);
      }
      if (thread == null) {
        Thread t = threads.newThread(this::watch);
        wakeAt = System.nanoTime() + idleNanos;
        t.start();
        thread = t;
      }
      return thread;
    }
  }

  private void watch() {
    while (!closed) {
      wakeUps++;
      // Only close() ends the watch; an interrupt would otherwise make every park return at once.
      Thread.interrupted();
      long now = System.nanoTime();
      for (ExchangeTimer timer : armed) {
        if (timer.deadlineNanos() - now <= 0) {
          armed.remove(timer);
          timer.expire();
        }
      }
      long next = earliest(now + idleNanos);
      wakeAt = next;
      // Arming adds its timer and then reads wakeAt; this writes wakeAt and then looks again, so a
      // timer armed meanwhile with a sooner deadline is seen by one side or the other.
      VarHandle.fullFence();
      next = earliest(next);
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        LockSupport.parkNanos(this, sleep);
      }
    }
  }

  /** The earliest deadline of the armed timers, or {@code bound} when none is sooner. */
  private long earliest(long bound) {
    long earliest = bound;
    for (ExchangeTimer timer : armed) {
      if (timer.deadlineNanos() - earliest < 0) {
        earliest = timer.deadlineNanos();
      }
    }
    return earliest;
  }
}
