package dev.vigil.tsdb;

import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A data directory as Prometheus lays it out, opened for reading and appending: its blocks, and a
 * head rebuilt from its {@code wal/} (Prometheus's own WAL included), queried as one. Samples older
 * than the newest block's end are out of bounds for the head, as they belong to blocks.
 */
public final class Tsdb implements Queryable, AutoCloseable {
  private final ReadOnlyTsdb blocks;
  private final Head head;

  private Tsdb(ReadOnlyTsdb blocks, Head head) {
    this.blocks = blocks;
    this.head = head;
  }

  /** Opens the blocks, then replays the WAL; {@code warnings} hears of anything dropped on the way. */
  public static Tsdb open(Path dataDir, long blockRange, Consumer<String> warnings) throws IOException {
    ReadOnlyTsdb blocks = ReadOnlyTsdb.open(dataDir);
    try {
      Head head = Head.open(dataDir.resolve("wal"), blockRange, warnings);
      blocks.blocks().stream().mapToLong(BlockMeta::maxTime).max().ifPresent(head::setMinValidTime);
      return new Tsdb(blocks, head);
    } catch (IOException | RuntimeException e) {
      blocks.close();
      throw e;
    }
  }

  public ReadOnlyTsdb blocks() {
    return blocks;
  }

  public Head head() {
    return head;
  }

  @Override
  public Querier querier(long minTime, long maxTime) {
    // Blocks first: where a crash left a sample both in a block and in the WAL, the block's wins.
    return new MergeQuerier(List.of(blocks.querier(minTime, maxTime), head.querier(minTime, maxTime)));
  }

  @Override
  public void close() {
    try {
      head.close();
    } finally {
      blocks.close();
    }
  }
}
