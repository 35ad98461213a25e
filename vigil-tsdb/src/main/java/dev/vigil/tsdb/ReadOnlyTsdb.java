package dev.vigil.tsdb;

import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private final BlockSet blocks;
  private final List<SkippedBlock> skipped;

  private ReadOnlyTsdb(Path dataDir, BlockSet blocks, List<SkippedBlock> skipped) {
    this.dataDir = dataDir;
    this.blocks = blocks;
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
    return new ReadOnlyTsdb(dataDir, BlockSet.of(opened), skipped);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The open blocks, by minimum time. */
  public List<BlockMeta> blocks() {
    return blocks.metas();
  }

  BlockSet blockSet() {
    return blocks;
  }

  public List<SkippedBlock> skipped() {
    return skipped;
  }

  @Override
  public Querier querier(long minTime, long maxTime) {
    return blocks.querier(minTime, maxTime);
  }

  @Override
  public void close() {
    blocks.blocks().forEach(Block::close);
  }
}
