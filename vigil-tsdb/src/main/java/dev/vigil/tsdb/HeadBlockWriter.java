package dev.vigil.tsdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the head's data in [mint, maxt) as a level-1 block, as Prometheus's compactHead does with a
 * range head: the block's meta spans exactly [mint, maxt), and a range without samples writes nothing.
 * Head chunks never straddle a block range boundary, so whole chunks are copied as they are.
 */
final class HeadBlockWriter {
  private HeadBlockWriter() {}

  static Optional<BlockMeta> write(Head head, Path parentDir, long mint, long maxt) throws IOException {
    List<MemoryBlockWriter.SeriesChunks> series = new ArrayList<>();
    for (MemSeries s : head.allSeries()) {
      ChunkSequence chunks;
      synchronized (s) {
        chunks = s.snapshot(mint, maxt - 1);
      }
      if (chunks.size() > 0) {
        if (chunks.maxTime(chunks.size() - 1) >= maxt) {
          throw new IllegalStateException("head chunk of " + s.labels() + " ends at "
              + chunks.maxTime(chunks.size() - 1) + ", past the block's end " + maxt);
        }
        series.add(MemoryBlockWriter.SeriesChunks.of(s.labels(), chunks));
      }
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(MemoryBlockWriter.write(parentDir, Ulid.generate(System.currentTimeMillis()), series, mint, maxt));
  }
}
