package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.BlockMeta;
import java.util.Arrays;
import java.util.List;

/** Block metas for planner and retention tables: a name, a range and the few fields the rules read. */
final class Metas {
  private Metas() {}

  static BlockMeta meta(String ulid, long minTime, long maxTime) {
    return meta(ulid, minTime, maxTime, 0, 0);
  }

  static BlockMeta meta(String ulid, long minTime, long maxTime, long series, long tombstones) {
    return new BlockMeta(ulid, minTime, maxTime, new BlockMeta.Stats(series * 100, series, series, tombstones),
        BlockMeta.Compaction.level1(ulid), BlockMeta.VERSION_1);
  }

  static BlockMeta failed(String ulid, long minTime, long maxTime) {
    return withCompaction(meta(ulid, minTime, maxTime),
        new BlockMeta.Compaction(1, List.of(ulid), false, List.of(), true, List.of()));
  }

  static BlockMeta deletable(String ulid, long minTime, long maxTime) {
    return withCompaction(meta(ulid, minTime, maxTime),
        new BlockMeta.Compaction(1, List.of(ulid), true, List.of(), false, List.of()));
  }

  static BlockMeta compactedFrom(String ulid, long minTime, long maxTime, String... parents) {
    List<BlockMeta.BlockDesc> descs = Arrays.stream(parents)
        .map(p -> new BlockMeta.BlockDesc(p, minTime, maxTime)).toList();
    return withCompaction(meta(ulid, minTime, maxTime),
        new BlockMeta.Compaction(2, List.of(parents), false, descs, false, List.of()));
  }

  private static BlockMeta withCompaction(BlockMeta m, BlockMeta.Compaction c) {
    return new BlockMeta(m.ulid(), m.minTime(), m.maxTime(), m.stats(), c, m.version());
  }
}
