package dev.vigil.tsdb;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.chunks.ChunkSegmentWriter;
import dev.vigil.tsdb.fs.FileTrees;
import dev.vigil.tsdb.index.IndexWriter;
import dev.vigil.tsdb.tombstones.Tombstones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes one block directory. Everything goes into {@code <ulid>.tmp-for-creation} first; {@link
 * #finish} writes tombstones and meta.json, fsyncs, and renames the directory into place, so a
 * reader never sees a partial block. Series must come in label order, after all symbols.
 */
public final class BlockWriter implements AutoCloseable {
  public static final String TMP_SUFFIX = ".tmp-for-creation";

  private final Path parent;
  private final String ulid;
  private final Path tmpDir;
  private final ChunkSegmentWriter chunks;
  private final IndexWriter index;
  private long numSamples;
  private long numSeries;
  private long numChunks;
  private boolean finished;

  public BlockWriter(Path parent, String ulid) throws IOException {
    this.parent = parent;
    this.ulid = ulid;
    this.tmpDir = parent.resolve(ulid + TMP_SUFFIX);
    Files.createDirectories(tmpDir);
    this.chunks = new ChunkSegmentWriter(tmpDir.resolve("chunks"));
    this.index = new IndexWriter(tmpDir.resolve("index"));
  }

  public String ulid() {
    return ulid;
  }

  /** Adds every symbol (label names and values, and the empty string), in UTF-8 byte order. */
  public void addSymbols(Iterable<String> sortedSymbols) throws IOException {
    for (String s : sortedSymbols) {
      index.addSymbol(s);
    }
  }

  /** Adds a series with its chunks, ordered by time and with their inclusive time ranges. */
  public void addSeries(Labels labels, List<Chunk> seriesChunks, long[] minTimes, long[] maxTimes) throws IOException {
    if (seriesChunks.isEmpty()) {
      return;
    }
    long[] refs = chunks.write(seriesChunks);
    index.addSeries(labels, minTimes, maxTimes, refs);
    numSeries++;
    numChunks += seriesChunks.size();
    for (Chunk c : seriesChunks) {
      numSamples += c.numSamples();
    }
  }

  /** Completes the block over [minTime, maxTime) and moves it into place; returns its meta. */
  public BlockMeta finish(long minTime, long maxTime, BlockMeta.Compaction compaction) throws IOException {
    chunks.close();
    index.close();
    Tombstones.write(tmpDir.resolve(Tombstones.FILE_NAME), Map.of());
    BlockMeta meta = new BlockMeta(ulid, minTime, maxTime,
        new BlockMeta.Stats(numSamples, numSeries, numChunks, 0), compaction, BlockMeta.VERSION_1);
    meta.write(tmpDir);
    FileTrees.syncDirectoryIfPossible(tmpDir.resolve("chunks"));
    FileTrees.syncDirectoryIfPossible(tmpDir);
    Files.move(tmpDir, parent.resolve(ulid), StandardCopyOption.ATOMIC_MOVE);
    FileTrees.syncDirectoryIfPossible(parent);
    finished = true;
    return meta;
  }
  /** Abandons an unfinished block, deleting its temporary directory. */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    try {
      chunks.close();
      index.close();
    } finally {
      FileTrees.deleteRecursively(tmpDir);
    }
  }

}
