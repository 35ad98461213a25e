package dev.vigil.scrape.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
  private static final long NO_LIMIT = Long.MAX_VALUE;

  private final AtomicLong now = new AtomicLong();
  private final BufferPool pool = new BufferPool(now::get);

  @Test
  void buffersArePowersOfTwoFrom8KiB() {
    assertThat(pool.take(1, NO_LIMIT)).hasSize(8192);
    assertThat(pool.take(8192, NO_LIMIT)).hasSize(8192);
    assertThat(pool.take(8193, NO_LIMIT)).hasSize(16384);
    assertThat(pool.take(700_000, NO_LIMIT)).hasSize(1 << 20);
  }

  @Test
  void aBufferGivenBackIsTakenAgainForAnyRequestOfItsSize() {
    byte[] buffer = pool.take(10_000, NO_LIMIT);
    pool.give(buffer);

    assertThat(pool.take(9_000, NO_LIMIT)).isSameAs(buffer);
    assertThat(pool.take(9_000, NO_LIMIT)).isNotSameAs(buffer);
  }

  @Test
  void aRequestCappedBelowItsSizeGetsAnArrayOfItsOwnThatIsNotKept() {
    byte[] capped = pool.take(100, 100);
    assertThat(capped).hasSize(100);

    pool.give(capped);

    assertThat(pool.idleBuffers()).isZero();
  }

  @Test
  void aSizeKeepsAtMostFourIdleBuffers() {
    byte[][] taken = new byte[6][];
    for (int i = 0; i < taken.length; i++) {
      taken[i] = pool.take(8192, NO_LIMIT);
    }
    for (byte[] buffer : taken) {
      pool.give(buffer);
    }

    assertThat(pool.idleBuffers()).isEqualTo(BufferPool.MAX_IDLE_PER_SIZE);
  }

  @Test
  void theIdleBuffersOfASizeNoScrapeTookForAMinuteAreLetGo() {
    byte[] big = pool.take(4 << 20, NO_LIMIT);
    pool.give(big);
    now.addAndGet(BufferPool.IDLE_NANOS + 1);

    pool.give(pool.take(8192, NO_LIMIT));

    assertThat(pool.idleBuffers()).isEqualTo(1);
    assertThat(pool.take(4 << 20, NO_LIMIT)).isNotSameAs(big);
  }

  @Test
  void aSizeTakenWithinTheMinuteKeepsItsIdleBuffers() {
    byte[] big = pool.take(4 << 20, NO_LIMIT);
    pool.give(big);
    now.addAndGet(BufferPool.IDLE_NANOS);

    pool.give(pool.take(8192, NO_LIMIT));

    assertThat(pool.take(4 << 20, NO_LIMIT)).isSameAs(big);
  }
}
