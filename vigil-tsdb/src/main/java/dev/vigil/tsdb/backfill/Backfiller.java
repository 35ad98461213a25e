package dev.vigil.tsdb.backfill;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.BlockBuilder;
import dev.vigil.tsdb.BlockMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sorts samples into epoch-aligned windows of the block duration and writes one block per non-empty
 * window, as {@code promtool tsdb create-blocks-from} does. Each window is built like Prometheus's
 * BlockWriter with a head of twice the block duration, so chunks are cut where promtool cuts them.
 *
 * <p>promtool re-reads its input once per window; this reads it once and keeps every window in memory
 * as compressed chunks, which is smaller than promtool's copy of the input text.
 */
public final class Backfiller {
  /** Prometheus's default block duration and the base of its exponential block ranges. */
  public static final long DEFAULT_BLOCK_DURATION = 2 * 3600 * 1000L;

  private final long blockDuration;
  private final TreeMap<Long, BlockBuilder> windows = new TreeMap<>();
  /** The window of the last sample: input is mostly time-ordered per series, so most lookups hit it. */
  private long lastWindow = Long.MIN_VALUE;
  private BlockBuilder lastBuilder;

  public Backfiller(long blockDuration) {
    if (blockDuration <= 0) {
      throw new IllegalArgumentException("block duration must be positive, got " + blockDuration);
    }
    this.blockDuration = blockDuration;
  }

  /**
   * The block duration promtool picks for a maximum: the largest of 2h, 6h, 18h, ... (ten ranges, each
   * three times the last) that is not above it, and 2h for anything at or below 2h.
   */
  public static long blockDuration(long maxBlockDuration) {
    long duration = DEFAULT_BLOCK_DURATION;
    long range = DEFAULT_BLOCK_DURATION;
    for (int i = 1; i < 10; i++) {
      range *= 3;
      if (range > maxBlockDuration) {
        break;
      }
      duration = range;
    }
    return duration;
  }

  /** Adds a sample to its window; rejects out-of-order and conflicting duplicate samples per series. */
  public void append(Labels labels, long t, double v) {
    long window = Math.floorDiv(t, blockDuration) * blockDuration;
    if (window != lastWindow || lastBuilder == null) {
      lastBuilder = windows.computeIfAbsent(window, w -> new BlockBuilder(2 * blockDuration));
      lastWindow = window;
    }
    lastBuilder.append(labels, t, v);
  }

  /** Writes every window's block into {@code dir}, oldest first, and reports each as it is written. */
  public void writeBlocks(Path dir, Supplier<String> ulids, BlockListener listener) throws IOException {
    for (Map.Entry<Long, BlockBuilder> e : windows.entrySet()) {
      BlockMeta meta = e.getValue().write(dir, ulids.get());
      listener.written(meta);
    }
    windows.clear();
    lastBuilder = null;
  }

  /** Notified of each block written. */
  @FunctionalInterface
  public interface BlockListener {
    void written(BlockMeta meta) throws IOException;
  }
}
