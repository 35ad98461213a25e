package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.vigil.scrape.Eventually.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineWatchTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Set<Http1Connection> registry = ConcurrentHashMap.newKeySet();
  private final DeadlineWatch watch = new DeadlineWatch(DeadlineWatchTest::daemon);

  @AfterEach
  void closeAll() {
    watch.close();
    for (Http1Connection conn : registry) {
      conn.close();
    }
  }

  @Test
  void aTimerClosesItsConnectionOnceItsDeadlinePasses() throws Exception {
    long armedAt = System.nanoTime();
    ExchangeTimer timer = watch.arm(armedAt + 50 * MS);
    Http1Connection conn = watched(timer);

    assertThat(within(5_000, () -> !conn.isOpen())).as("closed by the deadline").isTrue();
    assertThat(System.nanoTime() - armedAt).isGreaterThanOrEqualTo(50 * MS);
  }

  @Test
  void aTimerStoppedAfterItsDeadlineSaysTheExchangeWasLate() throws Exception {
    ExchangeTimer timer = watch.arm(System.nanoTime() + MS);
    Http1Connection conn = watched(timer);
    assertThat(within(5_000, () -> !conn.isOpen())).isTrue();

    assertThat(timer.stop()).isFalse();
  }

  @Test
  void aTimerStoppedBeforeItsDeadlineLeavesItsConnectionOpen() throws Exception {
    ExchangeTimer timer = watch.arm(System.nanoTime() + 100 * MS);
    Http1Connection conn = watched(timer);

    assertThat(timer.stop()).isTrue();
    Thread.sleep(300);

    assertThat(conn.isOpen()).isTrue();
  }

  @Test
  void aConnectionWatchedAfterTheDeadlinePassedIsClosedAtOnce() throws Exception {
    ExchangeTimer timer = watch.arm(System.nanoTime() + MS);
    Http1Connection first = watched(timer);
    assertThat(within(5_000, () -> !first.isOpen())).isTrue();

    Http1Connection second = watched(timer);

    assertThat(second.isOpen()).isFalse();
  }

  @Test
  void anEarlierDeadlineWakesTheWatchBeforeTheMomentItSleepsUntil() throws Exception {
    ExchangeTimer late = watch.arm(System.nanoTime() + 20_000 * MS);
    Http1Connection lateConn = watched(late);
    Thread.sleep(200); // the watch now sleeps until the late deadline
    ExchangeTimer early = watch.arm(System.nanoTime() + 50 * MS);
    Http1Connection earlyConn = watched(early);

    assertThat(within(5_000, () -> !earlyConn.isOpen())).isTrue();
    assertThat(lateConn.isOpen()).isTrue();
    assertThat(late.stop()).isTrue();
  }

  @Test
  void exchangesArmedOneAfterAnotherWithOneTimeoutDoNotWakeTheWatch() throws Exception {
    watch.arm(System.nanoTime() + 10_000 * MS).stop();
    Thread.sleep(300); // past the first idle sleep, which was set before any timeout was known
    long before = watch.wakeUps();

    for (int i = 0; i < 50; i++) {
      watch.arm(System.nanoTime() + 10_000 * MS).stop();
    }

    assertThat(watch.wakeUps() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void everyTimerArmedFromManyThreadsExpiresUnlessStopped() throws Exception {
    // Idle sleeps of a minute, and each thread's timers armed one at a time once the previous one is
    // settled: most are armed while the watch sleeps with nothing armed, so a missed wake-up would
    // leave a timer unexpired for a minute.
    DeadlineWatch watch = new DeadlineWatch(DeadlineWatchTest::daemon, 60_000 * MS);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> arming = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        arming.add(threads.submit(() -> {
          for (int i = 0; i < 25; i++) {
            ExchangeTimer timer = watch.arm(System.nanoTime() + (i % 3) * MS);
            Http1Connection conn = watched(timer);
            if (i % 2 == 1 && timer.stop()) {
              continue;
            }
            if (!within(5_000, () -> !conn.isOpen())) {
              return false;
            }
          }
          return true;
        }));
      }

      for (Future<Boolean> f : arming) {
        assertThat(f.get(30, TimeUnit.SECONDS)).as("every unstopped timer expired").isTrue();
      }
    } finally {
      threads.shutdownNow();
      watch.close();
    }
  }

  @Test
  void armingAfterCloseIsRefused() {
    watch.arm(System.nanoTime() + 1_000 * MS).stop();
    watch.close();

    assertThatThrownBy(() -> watch.arm(System.nanoTime() + 1_000 * MS))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void armingAWatchClosedBeforeItsFirstTimerIsRefused() {
    watch.close();

    assertThatThrownBy(() -> watch.arm(System.nanoTime() + 1_000 * MS))
        .isInstanceOf(RejectedExecutionException.class);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "deadline-watch-test");
    t.setDaemon(true);
    return t;
  }

  private Http1Connection watched(ExchangeTimer timer) throws IOException {
    Http1Connection conn = new Http1Connection(SocketChannel.open(), "127.0.0.1:1", registry);
    timer.watch(conn);
    return conn;
  }
}
