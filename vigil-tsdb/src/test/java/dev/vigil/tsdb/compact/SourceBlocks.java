package dev.vigil.tsdb.compact;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.StoredSamples;
import dev.vigil.tsdb.BlockBuilder;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Ulid;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.tombstones.Interval;
import dev.vigil.tsdb.tombstones.Tombstones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes source blocks for compaction tests and reads blocks back as plain maps of samples. */
final class SourceBlocks {
  static final long TWO_HOURS = 2 * 3600_000L;

  private SourceBlocks() {}

  /** Writes one block holding {@code samples} (labels to time to value) and returns its directory. */
  static Path write(Path dataDir, Map<Labels, TreeMap<Long, Double>> samples) throws IOException {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    samples.forEach((labels, series) -> series.forEach((t, v) -> builder.append(labels, t, v)));
    BlockMeta meta = builder.write(dataDir, Ulid.generate(System.currentTimeMillis()));
    return dataDir.resolve(meta.ulid());
  }

  /** Replaces the block's tombstones with {@code deleted}, keyed by labels instead of series refs. */
  static void tombstone(Path blockDir, Map<Labels, List<Interval>> deleted) throws IOException {
    Map<Long, List<Interval>> byRef = new HashMap<>();
    try (Block b = Block.open(blockDir)) {
      Postings all = b.index().allPostings();
      while (all.next()) {
        List<Interval> intervals = deleted.get(b.index().series(all.at()).labels());
        if (intervals != null) {
          byRef.put(all.at(), intervals);
        }
      }
    }
    Files.delete(blockDir.resolve(Tombstones.FILE_NAME));
    Tombstones.write(blockDir.resolve(Tombstones.FILE_NAME), byRef);
  }

  /** Every sample the block shows a reader, as raw value bits by time. */
  static Map<Labels, TreeMap<Long, Long>> read(Block block) {
    return new TreeMap<>(StoredSamples.readAll(block, Long.MIN_VALUE, Long.MAX_VALUE, Matcher.regex("__name__", ".+")));
  }

  static List<Block> openAll(List<Path> dirs) throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (Path d : dirs) {
      blocks.add(Block.open(d));
    }
    return blocks;
  }
}
