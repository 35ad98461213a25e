package dev.vigil.tsdb;

import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A data directory's persisted blocks, served read-only as one storage: what a Prometheus data dir
 * holds once its head is left aside. Only complete blocks are opened (see {@link BlockDirectory}), so
 * {@code wal/}, {@code chunks_head/} and temporary directories are ignored. A block that fails to open
 * is skipped and reported through {@link #skipped()} rather than failing the whole directory, so one
 * corrupt block cannot take the others down with it.
 */
public final class ReadOnlyTsdb implements Queryable, AutoCloseable {
  /** A block directory that could not be opened, and why. */
  public record SkippedBlock(Path dir, String reason) {}

  private final Path dataDir;
  private final List<Block> blocks;
  private final List<SkippedBlock> skipped;

  private ReadOnlyTsdb(Path dataDir, List<Block> blocks, List<SkippedBlock> skipped) {
    this.dataDir = dataDir;
    this.blocks = List.copyOf(blocks);
    this.skipped = List.copyOf(skipped);
  }

  /** Opens every complete block under {@code dataDir}; fails only when the directory itself is unreadable. */
  public static ReadOnlyTsdb open(Path dataDir) throws IOException {
    List<Block> opened = new ArrayList<>();
    List<SkippedBlock> skipped = new ArrayList<>();
    for (Path dir : BlockDirectory.blockDirs(dataDir)) {
      try {
        opened.add(Block.open(dir));
      } catch (IOException | RuntimeException e) {
        skipped.add(new SkippedBlock(dir, String.valueOf(e.getMessage())));
      }
    }
    opened.sort(Comparator.comparingLong((Block b) -> b.meta().minTime()).thenComparing(b -> b.meta().ulid()));
    return new ReadOnlyTsdb(dataDir, opened, skipped);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The open blocks, by minimum time. */
  public List<BlockMeta> blocks() {
    return blocks.stream().map(Block::meta).toList();
  }

  public List<SkippedBlock> skipped() {
    return skipped;
  }

  /**
   * A querier over the blocks whose half-open range {@code [minTime, maxTime)} meets the closed range
   * asked for; blocks wholly outside it are not touched at all.
   */
  @Override
  public Querier querier(long minTime, long maxTime) {
    List<Querier> queriers = new ArrayList<>();
    for (Block b : blocks) {
      if (b.meta().minTime() <= maxTime && minTime < b.meta().maxTime()) {
        queriers.add(b.querier(minTime, maxTime));
      }
    }
    return new MergeQuerier(queriers);
  }

  @Override
  public void close() {
    blocks.forEach(Block::close);
  }
}
