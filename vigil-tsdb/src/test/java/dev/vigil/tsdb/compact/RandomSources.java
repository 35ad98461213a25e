package dev.vigil.tsdb.compact;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.tombstones.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random source blocks for compaction properties: 3 or 4 blocks of two hours, either side by side or
 * each overlapping the next by half, over a pool of series that each block holds with some
 * probability, with random tombstones. Timestamps sit on a shared 15 s grid (some series are shifted
 * off it) so overlapping blocks share timestamps; a sample's value depends only on its series and
 * time, so blocks agree wherever they share one, as replicas do.
 */
record RandomSources(List<Map<Labels, TreeMap<Long, Double>>> blocks, List<Map<Labels, List<Interval>>> deleted) {
  private static final long GRID = 15_000;

  static RandomSources generate(Random r, boolean overlapping) {
    int blockCount = 3 + r.nextInt(2);
    long base = r.nextInt(4) == 0 ? -SourceBlocks.TWO_HOURS * (1 + r.nextInt(5)) : 1_699_999_200_000L;
    long stride = overlapping ? SourceBlocks.TWO_HOURS / 2 : SourceBlocks.TWO_HOURS;
    List<Labels> pool = new ArrayList<>();
    int seriesCount = 1 + r.nextInt(40);
    for (int s = 0; s < seriesCount; s++) {
      pool.add(Labels.of("__name__", "metric_" + (s % 4), "instance", "host-" + s, "zone", r.nextBoolean() ? "a" : "b"));
    }
    List<Map<Labels, TreeMap<Long, Double>>> blocks = new ArrayList<>();
    List<Map<Labels, List<Interval>>> deleted = new ArrayList<>();
    for (int k = 0; k < blockCount; k++) {
      long start = base + k * stride;
      long end = start + SourceBlocks.TWO_HOURS;
      Map<Labels, TreeMap<Long, Double>> block = new TreeMap<>();
      for (Labels labels : pool) {
        if (r.nextInt(10) >= 7) {
          continue;
        }
        TreeMap<Long, Double> samples = new TreeMap<>();
        long step = GRID * (1 + r.nextInt(4));
        long t = start + GRID * r.nextInt(8) + (r.nextInt(5) == 0 ? 1 + r.nextInt((int) GRID - 1) : 0);
        for (; t < end; t += step) {
          samples.put(t, value(labels, t));
        }
        if (!samples.isEmpty()) {
          block.put(labels, samples);
        }
      }
      if (block.isEmpty()) {
        block.put(pool.get(0), new TreeMap<>(Map.of(start, value(pool.get(0), start))));
      }
      blocks.add(block);
      deleted.add(r.nextInt(3) == 0 ? randomTombstones(r, block, start, end) : Map.of());
    }
    return new RandomSources(blocks, deleted);
  }

  private static Map<Labels, List<Interval>> randomTombstones(Random r, Map<Labels, TreeMap<Long, Double>> block,
      long start, long end) {
    Map<Labels, List<Interval>> out = new TreeMap<>();
    for (Labels labels : block.keySet()) {
      if (r.nextInt(4) != 0) {
        continue;
      }
      if (r.nextInt(8) == 0) {
        out.put(labels, List.of(new Interval(Long.MIN_VALUE, Long.MAX_VALUE)));
        continue;
      }
      List<Interval> intervals = new ArrayList<>();
      long from = start + (long) (r.nextDouble() * (end - start) / 2);
      for (int i = 0; i < 1 + r.nextInt(2); i++) {
        long to = from + (long) (r.nextDouble() * (end - start) / 4);
        intervals.add(new Interval(from, to));
        from = to + 1 + (long) (r.nextDouble() * (end - start) / 4);
      }
      out.put(labels, intervals);
    }
    return out;
  }

  /** A value fixed by series and time: counters for most series, scattered values for some. */
  static double value(Labels labels, long t) {
    long h = labels.hashCode() * 0x9E3779B97F4A7C15L;
    if ((h & 3) == 0) {
      long x = (h ^ t) * 0xBF58476D1CE4E5B9L;
      return (x ^ (x >>> 31)) % 1_000_000 / 64.0;
    }
    return Math.floorDiv(t, GRID) * (1 + (h >>> 60));
  }

  /** Writes the blocks, with their tombstones, into {@code dataDir}; returns their directories in order. */
  List<Path> write(Path dataDir) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (int k = 0; k < blocks.size(); k++) {
      Path dir = SourceBlocks.write(dataDir, blocks.get(k));
      if (!deleted.get(k).isEmpty()) {
        SourceBlocks.tombstone(dir, deleted.get(k));
      }
      dirs.add(dir);
    }
    return dirs;
  }

  /** What a reader of all the blocks sees: the union of samples not deleted in their block. */
  Map<Labels, TreeMap<Long, Long>> expectedUnion() {
    Map<Labels, TreeMap<Long, Long>> out = new TreeMap<>();
    for (int k = 0; k < blocks.size(); k++) {
      for (Map.Entry<Labels, TreeMap<Long, Double>> e : blocks.get(k).entrySet()) {
        List<Interval> gone = deleted.get(k).getOrDefault(e.getKey(), List.of());
        e.getValue().forEach((t, v) -> {
          if (gone.stream().noneMatch(iv -> iv.contains(t))) {
            out.computeIfAbsent(e.getKey(), l -> new TreeMap<>()).put(t, Double.doubleToRawLongBits(v));
          }
        });
      }
    }
    return out;
  }
}
