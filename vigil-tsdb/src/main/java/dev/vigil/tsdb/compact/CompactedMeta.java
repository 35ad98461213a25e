package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.BlockMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The meta of a block compacted from others, before its content is counted (Prometheus's
 * CompactBlockMetas): it spans from the earliest minimum to the latest maximum time, sits one level
 * above the highest parent, lists the union of the parents' level-1 sources in ULID order, and names
 * each parent with its range in the order given.
 */
final class CompactedMeta {
  private CompactedMeta() {}

  static BlockMeta of(String ulid, List<BlockMeta> parents) {
    if (parents.isEmpty()) {
      throw new IllegalArgumentException("a compacted block needs at least one parent");
    }
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    int level = 0;
    TreeSet<String> sources = new TreeSet<>();
    List<BlockMeta.BlockDesc> descs = new ArrayList<>(parents.size());
    for (BlockMeta p : parents) {
      minTime = Math.min(minTime, p.minTime());
      maxTime = Math.max(maxTime, p.maxTime());
      level = Math.max(level, p.compaction().level());
      sources.addAll(p.compaction().sources());
      descs.add(new BlockMeta.BlockDesc(p.ulid(), p.minTime(), p.maxTime()));
    }
    BlockMeta.Compaction compaction =
        new BlockMeta.Compaction(level + 1, new ArrayList<>(sources), false, descs, false, List.of());
    return new BlockMeta(ulid, minTime, maxTime, new BlockMeta.Stats(0, 0, 0, 0), compaction, BlockMeta.VERSION_1);
  }
}
