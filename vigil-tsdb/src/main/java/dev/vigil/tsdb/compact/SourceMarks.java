package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockMeta;
import java.io.IOException;
import java.util.List;

/**
 * Flags Prometheus writes into the meta.json of a compaction's source blocks: {@code failed} when the
 * compaction broke (the planner then stops choosing them by range), {@code deletable} when it found
 * nothing left to keep. The meta on disk is re-read first, so a flag written earlier is not lost.
 */
final class SourceMarks {
  private SourceMarks() {}

  /** Marks every source failed; a source that cannot be marked is recorded on {@code cause}. */
  static void markFailed(List<Block> sources, Exception cause) {
    for (Block b : sources) {
      try {
        rewrite(b, true, false);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  static void markDeletable(List<Block> sources) throws IOException {
    for (Block b : sources) {
      rewrite(b, false, true);
    }
  }

  private static void rewrite(Block block, boolean failed, boolean deletable) throws IOException {
    BlockMeta m = BlockMeta.read(block.dir());
    BlockMeta.Compaction c = m.compaction();
    BlockMeta.Compaction marked = new BlockMeta.Compaction(c.level(), c.sources(), c.deletable() || deletable,
        c.parents(), c.failed() || failed, c.hints());
    new BlockMeta(m.ulid(), m.minTime(), m.maxTime(), m.stats(), marked, m.version()).write(block.dir());
  }
}
