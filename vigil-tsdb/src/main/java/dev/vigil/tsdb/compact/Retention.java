package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.BlockMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which blocks a data directory no longer needs, as Prometheus 2.42's reloadBlocks decides: blocks
 * marked deletable by a compaction that left nothing, blocks beyond the time or size retention
 * (deletableBlocks, BeyondTimeRetention, BeyondSizeRetention), and blocks named as parents by a
 * compacted block, which replaced them. Pure functions over what the caller has loaded; nothing here
 * touches the disk (see {@link BlockDeletion}).
 *
 * <p>Both retentions walk the blocks newest first by maximum time (ties in the order given, which
 * matches Prometheus for the directory order it loads blocks in) and, from the first block that breaks
 * the limit, drop it and every older one.
 *
 * @param durationMillis time retention; 0 disables it
 * @param maxBytes size retention; 0 or less disables it
 */
public record Retention(long durationMillis, long maxBytes) {
  private static final Comparator<BlockMeta> NEWEST_FIRST = Comparator.comparingLong(BlockMeta::maxTime).reversed();

  public Retention {
    if (durationMillis < 0) {
      throw new IllegalArgumentException("time retention must not be negative, got " + durationMillis);
    }
  }

  /**
   * Every block to delete among the loaded ones.
   *
   * @param headBytes the head's bytes on disk (WAL segments and memory-mapped head chunks), which
   *     count towards the size retention before any block
   */
  public BlockDeletions deletions(List<SizedBlock> blocks, long headBytes) {
    List<BlockMeta> metas = blocks.stream().map(SizedBlock::meta).toList();
    return new BlockDeletions(markedDeletable(metas), beyondTime(metas), beyondSize(blocks, headBytes),
        compactedParents(metas));
  }

  /**
   * Blocks whose maximum time is more than the retention before the newest block's maximum time (a
   * strict comparison); the newest block is always kept.
   */
  public SortedSet<String> beyondTime(List<BlockMeta> blocks) {
    TreeSet<String> out = new TreeSet<>();
    if (durationMillis == 0 || blocks.isEmpty()) {
      return out;
    }
    List<BlockMeta> newestFirst = new ArrayList<>(blocks);
    newestFirst.sort(NEWEST_FIRST);
    long newestMax = newestFirst.get(0).maxTime();
    for (int i = 1; i < newestFirst.size(); i++) {
      if (newestMax - newestFirst.get(i).maxTime() > durationMillis) {
        newestFirst.subList(i, newestFirst.size()).forEach(b -> out.add(b.ulid()));
        break;
      }
    }
    return out;
  }

  /** The oldest blocks that make the head plus the blocks, summed newest first, exceed the limit (strictly). */
  public SortedSet<String> beyondSize(List<SizedBlock> blocks, long headBytes) {
    TreeSet<String> out = new TreeSet<>();
    if (maxBytes <= 0 || blocks.isEmpty()) {
      return out;
    }
    List<SizedBlock> newestFirst = new ArrayList<>(blocks);
    newestFirst.sort(Comparator.comparing(SizedBlock::meta, NEWEST_FIRST));
    long total = headBytes;
    for (int i = 0; i < newestFirst.size(); i++) {
      total += newestFirst.get(i).sizeBytes();
      if (total > maxBytes) {
        newestFirst.subList(i, newestFirst.size()).forEach(b -> out.add(b.meta().ulid()));
        break;
      }
    }
    return out;
  }

  /** Blocks whose meta.json says {@code deletable}: a compaction of them produced no samples. */
  public static SortedSet<String> markedDeletable(List<BlockMeta> blocks) {
    TreeSet<String> out = new TreeSet<>();
    for (BlockMeta b : blocks) {
      if (b.compaction().deletable()) {
        out.add(b.ulid());
      }
    }
    return out;
  }

  /**
   * Every block named as a parent by one of {@code blocks}, present or not: the compacted block holds
   * their data, and deleting them on every reload finishes a deletion a crash interrupted.
   */
  public static SortedSet<String> compactedParents(List<BlockMeta> blocks) {
    TreeSet<String> out = new TreeSet<>();
    for (BlockMeta b : blocks) {
      b.compaction().parents().forEach(p -> out.add(p.ulid()));
    }
    return out;
  }
}
