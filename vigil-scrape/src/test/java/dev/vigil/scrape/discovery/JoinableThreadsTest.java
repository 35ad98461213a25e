package dev.vigil.scrape.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JoinableThreadsTest {

  @Test
  void threadsAreNamedDaemons() {
    JoinableThreads threads = new JoinableThreads("vigil-test-joinable-");
    Thread first = threads.newThread(() -> { });
    Thread second = threads.newThread(() -> { });
    assertThat(List.of(first.getName(), second.getName()))
        .containsExactly("vigil-test-joinable-1", "vigil-test-joinable-2");
    assertThat(first.isDaemon()).isTrue();
  }

  @Test
  void joinAllReturnsOnceEveryWorkerOfAShutPoolHasEnded() throws Exception {
    JoinableThreads threads = new JoinableThreads("vigil-test-pool-");
    ExecutorService pool = Executors.newCachedThreadPool(threads);
    for (int i = 0; i < 8; i++) {
      pool.submit(() -> {
        Thread.sleep(20);
        return null;
      });
    }
    pool.shutdown();
    threads.joinAll(5_000);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("vigil-test-pool-"));
  }

  @Test
  void endedThreadsAreForgottenWhenTheNextIsMade() throws Exception {
    JoinableThreads threads = new JoinableThreads("vigil-test-ended-");
    for (int i = 0; i < 3; i++) {
      Thread t = threads.newThread(() -> { });
      t.start();
      t.join(5_000);
    }
    threads.newThread(() -> { });
    assertThat(threads.rememberedCount()).isEqualTo(1);
  }

  @Test
  void joinAllGivesUpAtItsDeadline() throws Exception {
    JoinableThreads threads = new JoinableThreads("vigil-test-stuck-");
    CountDownLatch release = new CountDownLatch(1);
    Thread stuck = threads.newThread(() -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    stuck.start();
    long start = System.nanoTime();
    threads.joinAll(100);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    assertThat(stuck.isAlive()).isTrue();
    release.countDown();
    stuck.join(5_000);
  }
}
