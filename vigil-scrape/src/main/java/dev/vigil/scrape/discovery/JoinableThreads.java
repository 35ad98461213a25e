package dev.vigil.scrape.discovery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A factory of named daemon threads that can wait for all of them to end. An executor's
 * awaitTermination returns once its tasks are done, while its workers may still be exiting; a
 * provider's close promises that its threads are gone, so it joins them here. Ended threads are
 * forgotten when the next one is made, so a long-lived pool that retires and makes threads does not
 * pile them up.
 */
final class JoinableThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  JoinableThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    // Ended threads are dropped here rather than by themselves: a thread that removed itself would
    // still be running for a moment, and joinAll must not miss it.
    threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
    Thread t = new Thread(task, prefix + count.incrementAndGet());
    t.setDaemon(true);
    threads.add(t);
    return t;
  }

  /** Threads made here and remembered: those not ended when the latest one was made, and it. */
  int rememberedCount() {
    return threads.size();
  }

  /** Waits until every thread made here has ended, or until the time is up. */
  void joinAll(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (Thread t : List.copyOf(threads)) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return;
      }
      t.join(left);
    }
  }
}
