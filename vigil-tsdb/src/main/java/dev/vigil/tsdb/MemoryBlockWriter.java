package dev.vigil.tsdb;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Utf8Order;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes series held in memory (a backfill's, or the part of the head being cut) as one level-1
 * block, laid out as Prometheus's compactor writes a head: series in label order, and the symbol
 * table including the empty string of the all-postings key.
 */
final class MemoryBlockWriter {
  /** One series' chunks within the block, in time order with their inclusive time ranges. */
  record SeriesChunks(Labels labels, List<Chunk> chunks, long[] minTimes, long[] maxTimes) {
    static SeriesChunks of(Labels labels, ChunkSequence sequence) {
      List<Chunk> chunks = new ArrayList<>(sequence.size());
      long[] mins = new long[sequence.size()];
      long[] maxs = new long[sequence.size()];
      for (int i = 0; i < sequence.size(); i++) {
        chunks.add(sequence.chunk(i));
        mins[i] = sequence.minTime(i);
        maxs[i] = sequence.maxTime(i);
      }
      return new SeriesChunks(labels, chunks, mins, maxs);
    }
  }

  private MemoryBlockWriter() {}

  /** Writes the block spanning [minTime, maxTime) into {@code parentDir} under a new ULID. */
  static BlockMeta write(Path parentDir, String ulid, List<SeriesChunks> series, long minTime, long maxTime)
      throws IOException {
    List<SeriesChunks> sorted = new ArrayList<>(series);
    sorted.sort((a, b) -> a.labels().compareTo(b.labels()));
    TreeSet<String> symbols = new TreeSet<>(Utf8Order::compare);
    symbols.add("");
    for (SeriesChunks s : sorted) {
      s.labels().forEach((name, value) -> {
        symbols.add(name);
        symbols.add(value);
      });
    }
    try (BlockWriter w = new BlockWriter(parentDir, ulid)) {
      w.addSymbols(symbols);
      for (SeriesChunks s : sorted) {
        w.addSeries(s.labels(), s.chunks(), s.minTimes(), s.maxTimes());
      }
      return w.finish(minTime, maxTime, BlockMeta.Compaction.level1(ulid));
    }
  }
}
