package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockMeta;

/** A block as retention sees it: its meta and its bytes on disk (chunks, index, tombstones, meta.json). */
public record SizedBlock(BlockMeta meta, long sizeBytes) {
  public static SizedBlock of(Block block) {
    return new SizedBlock(block.meta(), block.sizeBytes());
  }
}
