package dev.vigil.tsdb;

import java.util.ArrayDeque;

/**
 * Empty {@link AppendBatch}es for the head's appenders. Every scrape gets a new appender, so without
 * reuse each one would grow fresh arrays to the scrape's size. A few batches are kept, as many as
 * appenders usually commit at once; a batch grown beyond {@link #MAX_KEPT_CAPACITY} samples (a rare
 * huge transaction) is left to the garbage collector rather than kept for good.
 */
final class AppendBatchPool {
  static final int MAX_KEPT = 32;
  static final int MAX_KEPT_CAPACITY = 1 << 14;

  private final ArrayDeque<AppendBatch> free = new ArrayDeque<>();

  synchronized AppendBatch acquire() {
    AppendBatch b = free.pollFirst();
    return b != null ? b : new AppendBatch();
  }

  /** Takes back a batch its appender is done with; it is cleared here. */
  void release(AppendBatch b) {
    b.clear();
    if (b.capacity() > MAX_KEPT_CAPACITY) {
      return;
    }
    synchronized (this) {
      if (free.size() < MAX_KEPT) {
        free.addFirst(b);
      }
    }
  }
}
