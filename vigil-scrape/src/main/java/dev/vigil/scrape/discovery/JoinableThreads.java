package dev.vigil.scrape.discovery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A factory of named daemon threads that can wait for all of them to end. An executor's
 * awaitTermination returns once its tasks are done, while its workers may still be exiting; a
 * provider's close promises that its threads are gone, so it joins them here.
 */
final class JoinableThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  JoinableThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread t = new Thread(task, prefix + count.incrementAndGet());
    t.setDaemon(true);
    threads.add(t);
    return t;
  }

  /** Waits until every thread made here has ended, or until the time is up. */
  void joinAll(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (Thread t : threads) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return;
      }
      t.join(left);
    }
  }
}
