package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeFailure;

/**
 * One scrape's growable body buffer, taken from a {@link BufferPool} at the size the target's last
 * body needed and given back once the body has been read: sized as Prometheus sizes the buffer it
 * takes from its pool, by the last scrape. It doubles as it fills (or grows straight to a declared
 * Content-Length), never past the body size limit.
 */
final class BodyBuffer {
  /** Declared lengths are trusted up to this much in advance; beyond it the buffer grows as bytes come. */
  static final int MAX_PRESIZE = 64 * 1024 * 1024;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final byte[] NONE = new byte[0];

  private final BufferPool pool;
  byte[] array = NONE;
  int length;
  private long limit;
  /** The largest capacity held since {@link #begin}, for tests of the sizing. */
  private int largest;

  BodyBuffer(BufferPool pool) {
    this.pool = pool;
  }

  /**
   * Starts a body of up to {@code limit} bytes on a buffer of at least {@code expected} bytes (up to
   * {@link #MAX_PRESIZE}), giving back the one held before, if any.
   */
  void begin(int expected, long limit) {
    release();
    this.limit = limit;
    length = 0;
    array = pool.take((int) Math.min(Math.min(Math.max(expected, 1), limit), MAX_PRESIZE), limit);
    largest = array.length;
  }

  /** Gives the buffer back to the pool: the body in it is no longer read. */
  void release() {
    if (array != NONE) {
      pool.give(array);
      array = NONE;
    }
  }

  /** Whether the body has reached the limit, which 2.42 counts as exceeding it. */
  boolean full() {
    return length >= limit;
  }

  int largestCapacity() {
    return largest;
  }

  /** Grows the buffer to hold {@code expected} bytes (capped by the limit and {@link #MAX_PRESIZE}). */
  void expect(long expected) {
    long want = Math.min(Math.min(expected, limit), MAX_PRESIZE);
    if (want > array.length) {
      resize((int) want);
    }
  }

  /**
   * Makes room for at least one more byte, never growing past the limit.
   *
   * @return the free bytes, at least 1, such that {@code length + room <= limit}
   * @throws ScrapeFailure when the body outgrows the largest array, as Go's bytes.Buffer would panic
   */
  int room() throws ScrapeFailure {
    if (length == array.length) {
      if (length >= MAX_ARRAY) {
        throw new ScrapeFailure("bytes.Buffer: too large");
      }
      long doubled = Math.max(2L * length, BufferPool.MIN_SIZE);
      resize((int) Math.max(length + 1L, Math.min(Math.min(doubled, limit), MAX_ARRAY)));
    }
    return (int) Math.min(array.length - length, limit - length);
  }

  private void resize(int capacity) {
    byte[] next = pool.take(capacity, limit);
    System.arraycopy(array, 0, next, 0, length);
    release();
    array = next;
    largest = Math.max(largest, next.length);
  }
}
