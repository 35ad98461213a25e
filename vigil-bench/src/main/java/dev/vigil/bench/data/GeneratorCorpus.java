package dev.vigil.bench.data;

import dev.vigil.cli.tools.OpenMetricsImport;
import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.backfill.Backfiller;
import dev.vigil.tsdb.index.Postings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chunks of the testkit's OpenMetrics corpus (counters with resets, noisy, huge, tiny and
 * special-valued gauges, histograms, summaries, jitter, gaps), cut into 2 h blocks by Vigil's
 * {@code create-blocks-from openmetrics}, whose chunks are bit-identical to promtool's. This is the
 * corpus performance.md measured promtool on, so it is the realistic mixed data of goal G1.
 */
public final class GeneratorCorpus {
  private GeneratorCorpus() {}

  /**
   * Generates {@code series} series over {@code hours} hours at 15 s with {@code seed}, imports them in
   * a temporary directory, and returns every chunk in block order (oldest block first, series in label
   * order), each copied and padded as the block reader does. The temporary directory is deleted.
   */
  public static XorChunk[] chunks(int series, int hours, long seed) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("vigil-bench-corpus");
      Path input = dir.resolve("corpus.om");
      Path blocks = dir.resolve("blocks");
      OpenMetricsGenerator.builder().seed(seed).series(series).duration(Duration.ofHours(hours)).build()
          .writeTo(input);
      OpenMetricsImport.run(input, blocks, Backfiller.DEFAULT_BLOCK_DURATION, meta -> { });
      List<Block> opened = new ArrayList<>();
      try (Stream<Path> list = Files.list(blocks)) {
        for (Path p : (Iterable<Path>) list::iterator) {
          opened.add(Block.open(p));
        }
      }
      opened.sort(Comparator.comparingLong(b -> b.meta().minTime()));
      List<XorChunk> out = new ArrayList<>();
      for (Block b : opened) {
        try (b) {
          Postings all = b.index().allPostings();
          while (all.next()) {
            for (long ref : b.index().series(all.at()).chunkRefs()) {
              Chunk c = b.chunks().chunk(ref);
              out.add(SampleData.asStored(c.bytes()));
            }
          }
        }
      }
      return out.toArray(new XorChunk[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("building the OpenMetrics corpus failed", e);
    } finally {
      if (dir != null) {
        TempDirs.deleteRecursively(dir);
      }
    }
  }
}
