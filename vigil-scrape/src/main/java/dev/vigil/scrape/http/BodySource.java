package dev.vigil.scrape.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A response body that the scraping thread pulls buffer by buffer, each wait bounded by a deadline. */
interface BodySource {
  /** Thrown, without a stack, when the deadline passes while waiting for the body. */
  final class DeadlineExceeded extends Exception {
    static final DeadlineExceeded INSTANCE = new DeadlineExceeded();

    private DeadlineExceeded() {
      super("context deadline exceeded", null, false, false);
    }
  }

  /**
   * The next non-empty bytes of the body, or null at its end; valid until the next call.
   *
   * @throws DeadlineExceeded when {@code deadlineNanos} (a {@link System#nanoTime} value) passes first
   * @throws IOException when the exchange fails underneath
   */
  ByteBuffer next(long deadlineNanos) throws DeadlineExceeded, IOException, InterruptedException;

  /** Gives up the rest of the body, aborting the exchange unless it was read to its end; idempotent. */
  void cancel();
}
