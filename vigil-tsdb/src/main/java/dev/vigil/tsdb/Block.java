package dev.vigil.tsdb;

import dev.vigil.core.storage.ChunkQuerier;
import dev.vigil.core.storage.ChunkQueryable;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.tsdb.chunks.ChunkSegmentReader;
import dev.vigil.tsdb.index.IndexReader;
import dev.vigil.tsdb.tombstones.Tombstones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A persisted block opened for reading: meta.json, the memory-mapped index and chunk segments, and
 * tombstones. Opening validates every file's header and checksums of the parts read eagerly; the
 * rest is checked as it is read.
 */
public final class Block implements Queryable, ChunkQueryable, AutoCloseable {
  private final Path dir;
  private final BlockMeta meta;
  private final IndexReader index;
  private final ChunkSegmentReader chunks;
  private final Tombstones tombstones;
  private final long sizeBytes;

  private Block(Path dir, BlockMeta meta, IndexReader index, ChunkSegmentReader chunks, Tombstones tombstones)
      throws IOException {
    this.dir = dir;
    this.meta = meta;
    this.index = index;
    this.chunks = chunks;
    this.tombstones = tombstones;
    this.sizeBytes = index.sizeBytes() + chunks.sizeBytes() + Files.size(dir.resolve(Tombstones.FILE_NAME))
        + Files.size(dir.resolve(BlockMeta.FILE_NAME));
  }

  public static Block open(Path dir) throws IOException {
    BlockMeta meta = BlockMeta.read(dir);
    IndexReader index = IndexReader.open(dir.resolve("index"));
    ChunkSegmentReader chunks = new ChunkSegmentReader(dir.resolve("chunks"));
    Tombstones tombstones = Tombstones.read(dir.resolve(Tombstones.FILE_NAME));
    return new Block(dir, meta, index, chunks, tombstones);
  }

  public Path dir() {
    return dir;
  }

  public BlockMeta meta() {
    return meta;
  }

  public IndexReader index() {
    return index;
  }

  public ChunkSegmentReader chunks() {
    return chunks;
  }

  public Tombstones tombstones() {
    return tombstones;
  }

  /** Bytes on disk of chunks, index, tombstones and meta.json, as Prometheus reports a block's size. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** A querier over [minTime, maxTime] (inclusive), with samples outside the range trimmed. */
  @Override
  public Querier querier(long minTime, long maxTime) {
    return new BlockQuerier(this, minTime, maxTime);
  }

  /** A chunk querier over [minTime, maxTime]; chunks cut by the range or by tombstones are re-encoded. */
  @Override
  public ChunkQuerier chunkQuerier(long minTime, long maxTime) {
    return new BlockChunkQuerier(this, minTime, maxTime);
  }

  @Override
  public void close() {
    index.close();
    chunks.close();
  }
}
