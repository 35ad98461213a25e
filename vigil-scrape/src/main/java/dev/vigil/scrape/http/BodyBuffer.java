package dev.vigil.scrape.http;

import dev.vigil.scrape.loop.ScrapeFailure;

/**
 * One scraper's growable body buffer, kept from scrape to scrape as Prometheus keeps its pooled buffers
 * sized by the last scrape. It grows by half again (or straight to a declared Content-Length, never past
 * the body size limit). It shrinks only when it has become much too large: after {@value #SHRINK_AFTER}
 * scrapes in a row that each used under a quarter of it (failed scrapes count with what they read), the
 * next scrape starts on a new buffer 1.25 × the largest of those scrapes. Buffers up to
 * {@value #KEEP} bytes are never shrunk. So a one-off huge body is let go after three ordinary scrapes.
 */
final class BodyBuffer {
  static final int INITIAL = 8 * 1024;
  static final int KEEP = 64 * 1024;
  static final int SHRINK_AFTER = 3;
  /** Declared lengths are trusted up to this much in advance; beyond it the buffer grows as bytes come. */
  static final int MAX_PRESIZE = 64 * 1024 * 1024;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final byte[] NONE = new byte[0];

  byte[] array = NONE;
  int length;
  private int smallStreak;
  private int streakMax;

  /** Empties the buffer for a new scrape, first replacing it by a smaller one when the policy says so. */
  void begin() {
    length = 0;
    if (smallStreak >= SHRINK_AFTER) {
      long size = Math.max(INITIAL, (long) streakMax + streakMax / 4);
      array = new byte[(int) Math.min(size, MAX_ARRAY)];
      smallStreak = 0;
      streakMax = 0;
    }
  }

  /** Records how much of the buffer the scrape just finished used, for the shrink policy. */
  void end() {
    if (array.length > KEEP && (long) length * 4 < array.length) {
      smallStreak++;
      streakMax = Math.max(streakMax, length);
    } else {
      smallStreak = 0;
      streakMax = 0;
    }
  }

  /** Grows the buffer to hold {@code expected} bytes (capped by the limit and {@link #MAX_PRESIZE}). */
  void expect(long expected, long limit) {
    long want = Math.min(Math.min(expected, limit), MAX_PRESIZE);
    if (want > array.length) {
      resize((int) want);
    }
  }

  /**
   * Makes room for at least one more byte, never growing past {@code limit} bytes in all.
   *
   * @return the free bytes, at least 1, such that {@code length + room <= limit}
   * @throws ScrapeFailure when the body outgrows the largest array, as Go's bytes.Buffer would panic
   */
  int room(long limit) throws ScrapeFailure {
    if (length == array.length) {
      if (length >= MAX_ARRAY) {
        throw new ScrapeFailure("bytes.Buffer: too large");
      }
      long grown = Math.max((long) length + (length >> 1), INITIAL);
      resize((int) Math.max(length + 1L, Math.min(Math.min(grown, limit), MAX_ARRAY)));
    }
    return (int) Math.min(array.length - length, limit - length);
  }

  private void resize(int capacity) {
    byte[] next = new byte[capacity];
    System.arraycopy(array, 0, next, 0, length);
    array = next;
  }
}
