package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.BlockMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the blocks to compact next, as Prometheus 2.42's LeveledCompactor.Plan, in this order:
 *
 * <ol>
 *   <li>blocks whose time ranges overlap: the first chain of overlapping blocks, newest included;
 *   <li>otherwise, leaving out the block that starts last (just cut from the head, so users may back
 *       it up whole): for each range after the first, smallest first, the first group of two or more
 *       blocks inside one aligned window of that range that fills the window, or ends no later than the
 *       start of the newest block still considered, skipping groups with a block whose compaction
 *       failed;
 *   <li>otherwise, newest first among the same blocks: a block at least as long as the middle range
 *       with tombstones on more than 5% of its series (counted as tombstones / (series + 1)), or the
 *       newest shorter block if it has at least as many tombstones as series; a single block is then
 *       rewritten alone.
 * </ol>
 *
 * Blocks are considered by minimum time, ties by ULID (the directory order Prometheus reads them in).
 */
public final class CompactionPlanner {
  private static final Comparator<BlockMeta> BY_MIN_TIME =
      Comparator.comparingLong(BlockMeta::minTime).thenComparing(BlockMeta::ulid);

  private final long[] ranges;

  /** @param ranges block durations in milliseconds, ascending (see {@link BlockRanges}) */
  public CompactionPlanner(List<Long> ranges) {
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("at least one block range must be given");
    }
    this.ranges = new long[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i) <= 0) {
        throw new IllegalArgumentException("block ranges must be positive, got " + ranges);
      }
      this.ranges[i] = ranges.get(i);
    }
  }

  /** The blocks to compact together, by minimum time; empty when there is nothing to do. */
  public List<BlockMeta> plan(List<BlockMeta> blocks) {
    if (blocks.isEmpty()) {
      return List.of();
    }
    List<BlockMeta> sorted = new ArrayList<>(blocks);
    sorted.sort(BY_MIN_TIME);
    List<BlockMeta> overlapping = overlapping(sorted);
    if (!overlapping.isEmpty()) {
      return overlapping;
    }
    List<BlockMeta> settled = sorted.subList(0, sorted.size() - 1);
    List<BlockMeta> byRange = byRange(settled);
    if (!byRange.isEmpty()) {
      return byRange;
    }
    return withManyTombstones(settled);
  }

  /** The first run of blocks that overlap one another or an earlier block of the run (selectOverlappingDirs). */
  private static List<BlockMeta> overlapping(List<BlockMeta> sorted) {
    List<BlockMeta> run = new ArrayList<>();
    long maxTime = sorted.get(0).maxTime();
    for (int i = 1; i < sorted.size(); i++) {
      BlockMeta b = sorted.get(i);
      if (b.minTime() < maxTime) {
        if (run.isEmpty()) {
          run.add(sorted.get(i - 1));
        }
        run.add(b);
      } else if (!run.isEmpty()) {
        break;
      }
      maxTime = Math.max(maxTime, b.maxTime());
    }
    return List.copyOf(run);
  }

  /** selectDirs: the first compactable group, trying ranges from the second one up. */
  private List<BlockMeta> byRange(List<BlockMeta> settled) {
    if (ranges.length < 2 || settled.isEmpty()) {
      return List.of();
    }
    long newestStart = settled.get(settled.size() - 1).minTime();
    for (int r = 1; r < ranges.length; r++) {
      for (List<BlockMeta> group : splitByRange(settled, ranges[r])) {
        if (group.size() < 2 || group.stream().anyMatch(b -> b.compaction().failed())) {
          continue;
        }
        long groupMin = group.get(0).minTime();
        long groupMax = group.get(group.size() - 1).maxTime();
        if (groupMax - groupMin == ranges[r] || groupMax <= newestStart) {
          return List.copyOf(group);
        }
      }
    }
    return List.of();
  }

  /**
   * Groups consecutive blocks that fit in one window {@code [k * range, (k + 1) * range]}, the window
   * being the one holding the group's first block; a block reaching past its own window is skipped.
   */
  static List<List<BlockMeta>> splitByRange(List<BlockMeta> sorted, long range) {
    List<List<BlockMeta>> groups = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      long windowEnd = Math.floorDiv(sorted.get(i).minTime(), range) * range + range;
      if (sorted.get(i).maxTime() > windowEnd) {
        i++;
        continue;
      }
      List<BlockMeta> group = new ArrayList<>();
      while (i < sorted.size() && sorted.get(i).maxTime() <= windowEnd) {
        group.add(sorted.get(i++));
      }
      groups.add(group);
    }
    return groups;
  }

  private List<BlockMeta> withManyTombstones(List<BlockMeta> settled) {
    long middleRange = ranges[ranges.length / 2];
    for (int i = settled.size() - 1; i >= 0; i--) {
      BlockMeta b = settled.get(i);
      BlockMeta.Stats s = b.stats();
      if (b.maxTime() - b.minTime() < middleRange) {
        // Prometheus assumes one tombstone per series: this many mean the block is wholly deleted.
        if (s.numTombstones() > 0 && s.numTombstones() >= s.numSeries()) {
          return List.of(b);
        }
        break;
      }
      if ((double) s.numTombstones() / (s.numSeries() + 1) > 0.05) {
        return List.of(b);
      }
    }
    return List.of();
  }
}
