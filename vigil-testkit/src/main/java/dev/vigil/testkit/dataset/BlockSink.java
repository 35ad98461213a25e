package dev.vigil.testkit.dataset;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.BlockBuilder;
import dev.vigil.tsdb.Ulid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Routes samples into one block per 2h window, the windows aligned to multiples of 2h since the
 * epoch as Prometheus's head compaction cuts them, and writes a window's block as soon as no later
 * scrape can reach it, so memory holds at most two windows whatever the span.
 */
final class BlockSink {
  static final long BLOCK_RANGE_MS = 2 * 3600 * 1000L;

  private final Path dir;
  private final TreeMap<Long, BlockBuilder> open = new TreeMap<>();
  private final List<Path> written = new ArrayList<>();
  private final Set<Labels> series = new HashSet<>();
  private long samples;
  private long minTime = Long.MAX_VALUE;
  private long maxTime = Long.MIN_VALUE;

  BlockSink(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  void append(Labels labels, long t, double v) {
    long window = Math.floorDiv(t, BLOCK_RANGE_MS) * BLOCK_RANGE_MS;
    open.computeIfAbsent(window, w -> new BlockBuilder(BLOCK_RANGE_MS)).append(labels, t, v);
    series.add(labels);
    samples++;
    minTime = Math.min(minTime, t);
    maxTime = Math.max(maxTime, t);
  }

  /** Writes every window that ends at or before {@code t}: scrapes from {@code t} on land later. */
  void flushBefore(long t) throws IOException {
    while (!open.isEmpty() && open.firstKey() + BLOCK_RANGE_MS <= t) {
      write(open.pollFirstEntry());
    }
  }

  void flushAll() throws IOException {
    while (!open.isEmpty()) {
      write(open.pollFirstEntry());
    }
  }

  private void write(Map.Entry<Long, BlockBuilder> window) throws IOException {
    String ulid = Ulid.generate(window.getKey());
    window.getValue().write(dir, ulid);
    written.add(dir.resolve(ulid));
  }

  List<Path> blocks() {
    return List.copyOf(written);
  }

  int seriesCount() {
    return series.size();
  }

  long minTime() {
    return minTime;
  }

  long maxTime() {
    return maxTime;
  }

  long sampleCount() {
    return samples;
  }
}
