package dev.vigil.tsdb;

import dev.vigil.core.storage.Appendable;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A data directory as Prometheus lays it out, opened for reading and appending: its blocks, and a
 * head rebuilt from its {@code wal/} (Prometheus's own WAL included), queried as one. Samples older
 * than the newest block's end are out of bounds for the head, as they belong to blocks.
 *
 * <p>{@link #compact()} does what Prometheus's compaction cycle does with the head: while it spans
 * more than one and a half block ranges, the oldest range is written as a block and dropped from
 * memory, then the WAL behind it is checkpointed and truncated. {@code compact.TsdbMaintenance} runs it in the background, with
 * block compaction and retention.
 */
public final class Tsdb implements Queryable, Appendable, AutoCloseable {
  private final Path dataDir;
  private final TsdbOptions options;
  private final Head head;
  private final List<ReadOnlyTsdb.SkippedBlock> skipped;
  private final Object compaction = new Object();
  private volatile BlockSet blocks;
  private final AtomicLong blocksCut = new AtomicLong();
  private final AtomicLong walCheckpoints = new AtomicLong();

  private Tsdb(Path dataDir, TsdbOptions options, BlockSet blocks, List<ReadOnlyTsdb.SkippedBlock> skipped,
      Head head) {
    this.dataDir = dataDir;
    this.options = options;
    this.blocks = blocks;
    this.skipped = skipped;
    this.head = head;
  }

  /** Opens with Prometheus's default block range and retention. */
  public static Tsdb open(Path dataDir, long blockRange, Consumer<String> warnings) throws IOException {
    return open(dataDir, new TsdbOptions(blockRange, Math.max(blockRange, TsdbOptions.DEFAULT.maxBlockDuration()),
        TsdbOptions.FIFTEEN_DAYS, 0), warnings);
  }

  /**
   * Opens the blocks (creating the directory if missing), then replays the WAL, skipping logged samples the blocks already hold;
   * {@code warnings} hears of anything dropped on the way.
   */
  public static Tsdb open(Path dataDir, TsdbOptions options, Consumer<String> warnings) throws IOException {
    Files.createDirectories(dataDir);
    ReadOnlyTsdb opened = ReadOnlyTsdb.open(dataDir);
    try {
      BlockSet blocks = opened.blockSet();
      Head head = Head.open(dataDir.resolve("wal"), options.minBlockDuration(), blocks.maxTime(), warnings);
      return new Tsdb(dataDir, options, blocks, opened.skipped(), head);
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  public TsdbOptions options() {
    return options;
  }

  /** The blocks being served, by minimum time. */
  public List<BlockMeta> blocks() {
    return blocks.metas();
  }

  /** Block directories that could not be opened, and why. */
  public List<ReadOnlyTsdb.SkippedBlock> skipped() {
    return skipped;
  }

  public Head head() {
    return head;
  }

  /** Blocks written from the head since opening. */
  public long blocksCut() {
    return blocksCut.get();
  }

  /** WAL checkpoints written (each followed by a truncation) since opening. */
  public long walCheckpoints() {
    return walCheckpoints.get();
  }



  @Override
  public Appender appender() {
    return head.appender();
  }

  @Override
  public Querier querier(long minTime, long maxTime) {
    // Blocks first: where a crash left a sample both in a block and in the WAL, the block's wins.
    return new MergeQuerier(List.of(blocks.querier(minTime, maxTime), head.querier(minTime, maxTime)));
  }

  /**
   * Cuts blocks from the head while it is compactable, as Prometheus's DB.Compact: each covers the
   * block range window of the head's oldest sample, from that sample to the window's end. Samples
   * older than the window's end are refused from before the block is written, so none can slip in
   * behind it. Afterwards the WAL is checkpointed up to the last cut. Returns the blocks written.
   */
  public List<BlockMeta> compact() throws IOException {
    synchronized (compaction) {
      List<BlockMeta> written = new ArrayList<>();
      long lastCut = Long.MIN_VALUE;
      while (head.compactable()) {
        long mint = head.minTime();
        long maxt = MemSeries.rangeEnd(mint, options.minBlockDuration());
        head.setMinValidTime(maxt);
        HeadBlockWriter.write(head, dataDir, mint, maxt).ifPresent(meta -> {
          written.add(meta);
          addBlock(meta);
          blocksCut.incrementAndGet();
        });
        head.truncateMemory(maxt);
        lastCut = maxt;
      }
      if (lastCut != Long.MIN_VALUE && head.truncateWal(lastCut)) {
        walCheckpoints.incrementAndGet();
      }
      return written;
    }
  }

  /** The blocks being served, open, by minimum time. */
  public List<Block> openBlocks() {
    return blocks.blocks();
  }

  /**
   * Serves {@code added} (a block just written under the data directory) in place of the blocks
   * {@code replaced}, in one step, so a query sees either the old blocks or the new one. The replaced
   * blocks' files are left for the caller to delete; queries still reading them keep their mappings.
   */
  public void replaceBlocks(Set<String> replaced, Optional<BlockMeta> added) throws IOException {
    synchronized (compaction) {
      BlockSet next = blocks.without(replaced);
      if (added.isPresent()) {
        next = next.with(Block.open(dataDir.resolve(added.get().ulid())));
      }
      blocks = next;
    }
  }

  private void addBlock(BlockMeta meta) {
    try {
      blocks = blocks.with(Block.open(dataDir.resolve(meta.ulid())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("opening the block just written, " + meta.ulid(), e);
    }
  }

  /** Closes the head and the blocks; stop anything compacting this storage first. */
  @Override
  public void close() {
    try {
      head.close();
    } finally {
      blocks.blocks().forEach(Block::close);
    }
  }
}
