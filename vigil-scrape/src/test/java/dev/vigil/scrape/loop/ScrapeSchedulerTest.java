package dev.vigil.scrape.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapeSchedulerTest {
  private final ScrapeScheduler scheduler = new ScrapeScheduler();

  @AfterEach
  void close() {
    scheduler.close();
  }

  @Test
  void aTaskRunsAfterItsDelay() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    long start = System.nanoTime();

    scheduler.schedule(ran::countDown, TimeUnit.MILLISECONDS.toNanos(50));

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void blockedTasksDoNotDelayATaskThatIsDue() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(5);
    try {
      for (int i = 0; i < 5; i++) {
        scheduler.schedule(() -> {
          blocked.countDown();
          await(release);
        }, 0);
      }
      assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
      CountDownLatch ran = new CountDownLatch(1);

      scheduler.schedule(ran::countDown, TimeUnit.MILLISECONDS.toNanos(20));

      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.threads()).isGreaterThanOrEqualTo(6);
    } finally {
      release.countDown();
    }
  }

  @Test
  void thePoolShrinksBackWhenItsTasksEnd() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(8);
    for (int i = 0; i < 8; i++) {
      scheduler.workers().execute(() -> {
        blocked.countDown();
        await(release);
      });
    }
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.threads()).isEqualTo(9);

    release.countDown();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (scheduler.threads() > 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(scheduler.threads()).isEqualTo(2);
  }

  @Test
  void aTaskCancelledBeforeItStartsNeverRuns() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    ScrapeScheduler.Pending pending = scheduler.schedule(() -> ran.set(true), TimeUnit.MILLISECONDS.toNanos(200));

    assertThat(pending.cancel()).isTrue();

    Thread.sleep(400);
    assertThat(ran).isFalse();
  }

  @Test
  void aTaskThatStartedCannotBeCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    ScrapeScheduler.Pending pending = scheduler.schedule(() -> {
      started.countDown();
      await(release);
      finished.set(true);
    }, 0);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(pending.cancel()).isFalse();

    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!finished.get() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(finished).isTrue();
  }

  @Test
  void closeDropsPendingTasksAndLetsRunningOnesFinish() throws Exception {
    AtomicBoolean pendingRan = new AtomicBoolean();
    AtomicBoolean runningFinished = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    scheduler.schedule(() -> pendingRan.set(true), TimeUnit.SECONDS.toNanos(1));
    scheduler.schedule(() -> {
      started.countDown();
      sleep(200);
      runningFinished.set(true);
    }, 0);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    scheduler.close();

    assertThat(runningFinished).isTrue();
    Thread.sleep(1200);
    assertThat(pendingRan).isFalse();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
