package dev.vigil.scrape.http;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Body buffers shared by the scrapers of one factory, as Prometheus 2.42 shares a bucketed buffer
 * pool among its scrape loops: a scrape takes a buffer and gives it back once its body has been
 * appended, so memory holds the bodies being read at the time rather than one per target (100
 * targets of 150 KB bodies kept 20 MB of buffers between their scrapes).
 *
 * <p>Sizes are powers of two from {@value #MIN_SIZE} bytes to 1 GiB; a request for more, or for a
 * size capped below its power of two, gets an array of its own that the pool does not keep. Each
 * size keeps at most {@value #MAX_IDLE_PER_SIZE} idle buffers, and the idle buffers of a size no
 * scrape has taken for {@link #IDLE_NANOS} are let go, so a one-off huge body does not stay.
 * Thread-safe.
 */
final class BufferPool {
  static final int MIN_SIZE = 8 * 1024;
  static final int MAX_IDLE_PER_SIZE = 4;
  static final long IDLE_NANOS = 60_000_000_000L;
  private static final int MIN_SHIFT = Integer.numberOfTrailingZeros(MIN_SIZE);
  private static final int MAX_SHIFT = 30;

  private final LongSupplier nanoTime;
  private final ArrayDeque<byte[]>[] idle;
  private final long[] lastTaken;

  BufferPool() {
    this(System::nanoTime);
  }

  @SuppressWarnings("unchecked")
  BufferPool(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    int sizes = MAX_SHIFT - MIN_SHIFT + 1;
    idle = new ArrayDeque[sizes];
    lastTaken = new long[sizes];
    for (int i = 0; i < sizes; i++) {
      idle[i] = new ArrayDeque<>();
    }
  }

  /**
   * A buffer of at least {@code minCapacity} bytes and at most {@code maxCapacity} (which must not be
   * less): a pooled size when one fits between the two, else an array of exactly the minimum.
   */
  byte[] take(int minCapacity, long maxCapacity) {
    int size = sizeIndex(Math.max(minCapacity, MIN_SIZE));
    if (size < 0 || sizeOf(size) > maxCapacity) {
      return new byte[minCapacity];
    }
    synchronized (this) {
      lastTaken[size] = nanoTime.getAsLong();
      byte[] pooled = idle[size].pollFirst();
      if (pooled != null) {
        return pooled;
      }
    }
    return new byte[sizeOf(size)];
  }

  /** Takes back a buffer no scrape reads any more; one not of a pooled size is left to the collector. */
  void give(byte[] buffer) {
    int size = sizeIndex(buffer.length);
    if (size < 0 || sizeOf(size) != buffer.length) {
      return;
    }
    synchronized (this) {
      letIdleSizesGo(nanoTime.getAsLong());
      if (idle[size].size() < MAX_IDLE_PER_SIZE) {
        idle[size].addFirst(buffer);
      }
    }
  }

  /** Idle buffers held, for tests. */
  synchronized int idleBuffers() {
    int count = 0;
    for (ArrayDeque<byte[]> buffers : idle) {
      count += buffers.size();
    }
    return count;
  }

  private void letIdleSizesGo(long now) {
    for (int i = 0; i < idle.length; i++) {
      if (!idle[i].isEmpty() && now - lastTaken[i] > IDLE_NANOS) {
        idle[i].clear();
      }
    }
  }

  /** The index of the smallest pooled size of at least {@code bytes}, or -1 past the largest. */
  private static int sizeIndex(int bytes) {
    int shift = Math.max(MIN_SHIFT, 32 - Integer.numberOfLeadingZeros(bytes - 1));
    return shift > MAX_SHIFT ? -1 : shift - MIN_SHIFT;
  }

  private static int sizeOf(int index) {
    return MIN_SIZE << index;
  }
}
