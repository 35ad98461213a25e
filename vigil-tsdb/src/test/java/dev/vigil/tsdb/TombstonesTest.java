package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.core.storage.ChunkQuerier;
import dev.vigil.core.storage.ChunkSeriesSet;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.tombstones.Interval;
import dev.vigil.tsdb.tombstones.Tombstones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TombstonesTest {
  private static final Labels SERIES = Labels.of("__name__", "x");

  @TempDir
  Path parent;

  private Path blockDir;

  /** One series with a sample every second for 1000 s: 1000 samples in several chunks. */
  @BeforeEach
  void writeBlock() throws Exception {
    BlockBuilder builder = new BlockBuilder(7_200_000);
    for (long t = 0; t < 1_000_000; t += 1000) {
      builder.append(SERIES, t, t / 1000.0);
    }
    blockDir = parent.resolve(builder.write(parent, Ulid.generate(0)).ulid());
  }

  private void deleteInterval(long mint, long maxt) throws Exception {
    long ref;
    try (Block b = Block.open(blockDir)) {
      var p = b.index().postings("__name__", "x");
      p.next();
      ref = p.at();
    }
    Files.delete(blockDir.resolve(Tombstones.FILE_NAME));
    Tombstones.write(blockDir.resolve(Tombstones.FILE_NAME), Map.of(ref, List.of(new Interval(mint, maxt))));
  }

  private List<Long> sampleTimes(long mint, long maxt) throws Exception {
    List<Long> times = new ArrayList<>();
    try (Block b = Block.open(blockDir); Querier q = b.querier(mint, maxt)) {
      SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, Matcher.equal("__name__", "x"));
      while (set.next()) {
        SampleIterator it = set.at().iterator(null);
        while (it.next() == ValueType.FLOAT) {
          times.add(it.atTime());
        }
      }
    }
    return times;
  }

  /** The samples as bulk reads see them: random batch sizes and limits, resuming after each stop. */
  private List<Long> batchedSampleTimes(long mint, long maxt, java.util.Random rng) throws Exception {
    List<Long> times = new ArrayList<>();
    try (Block b = Block.open(blockDir); Querier q = b.querier(mint, maxt)) {
      SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, Matcher.equal("__name__", "x"));
      while (set.next()) {
        SampleIterator it = set.at().iterator(null);
        long[] t = new long[64];
        double[] v = new double[64];
        long limit = Long.MIN_VALUE;
        while (true) {
          limit = Math.max(limit, rng.nextInt(1_100_000));
          int r = it.nextBatch(limit, t, v, 0, 1 + rng.nextInt(64));
          for (int i = 0; i < (r < 0 ? -r - 1 : r); i++) {
            times.add(t[i]);
            assertThat(v[i]).isEqualTo(t[i] / 1000.0);
          }
          if (r < 0) {
            break;
          }
          if (it.atTime() > limit) {
            times.add(it.atTime());
          }
        }
      }
    }
    return times;
  }

  @Test
  void batchReadsSeeExactlyTheSamplesOfSampleBySampleReads() throws Exception {
    java.util.Random rng = new java.util.Random(7);
    for (int round = 0; round < 60; round++) {
      if (round == 30) {
        // First whole chunks through the chunk decoder's own batches, then a series with a tombstone.
        deleteInterval(300_000, 420_000);
      }
      long mint = rng.nextInt(1_000_000);
      long maxt = mint + rng.nextInt(1_000_000);
      assertThat(batchedSampleTimes(mint, maxt, rng)).as("range %d..%d", mint, maxt)
          .isEqualTo(sampleTimes(mint, maxt));
    }
  }

  private List<ChunkMeta> chunks(long mint, long maxt) throws Exception {
    List<ChunkMeta> out = new ArrayList<>();
    try (Block b = Block.open(blockDir); ChunkQuerier q = b.chunkQuerier(mint, maxt)) {
      ChunkSeriesSet set = q.select(QueryContext.BACKGROUND, true, null, Matcher.equal("__name__", "x"));
      while (set.next()) {
        ChunkIterator it = set.at().iterator();
        while (it.next()) {
          out.add(it.at());
        }
      }
    }
    return out;
  }

  @Test
  void querier_hidesDeletedSamples() throws Exception {
    deleteInterval(100_000, 199_999);
    List<Long> times = sampleTimes(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(times).hasSize(900).doesNotContain(100_000L, 150_000L, 199_000L).contains(99_000L, 200_000L);
  }

  @Test
  void querier_skipsSeriesWhoseSamplesAreAllDeleted() throws Exception {
    deleteInterval(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(sampleTimes(Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void chunkQuerier_passesUntouchedChunksThroughAsStored() throws Exception {
    List<ChunkMeta> all = chunks(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(all).hasSizeGreaterThan(1);
    long samples = all.stream().mapToLong(c -> c.chunk().numSamples()).sum();
    assertThat(samples).isEqualTo(1000);
  }

  @Test
  void chunkQuerier_reencodesPartlyDeletedChunksWithoutTheDeletedSamples() throws Exception {
    deleteInterval(100_000, 199_999);
    List<ChunkMeta> all = chunks(Long.MIN_VALUE, Long.MAX_VALUE);
    long samples = 0;
    for (ChunkMeta c : all) {
      SampleIterator it = c.chunk().iterator(null);
      while (it.next() == ValueType.FLOAT) {
        assertThat(it.atTime()).isBetween(c.minTime(), c.maxTime());
        assertThat(it.atTime() >= 100_000L && it.atTime() <= 199_999L).as("deleted sample %d", it.atTime()).isFalse();
        samples++;
      }
    }
    assertThat(samples).isEqualTo(900);
  }

  @Test
  void chunkQuerier_trimsChunksToTheQueryRange() throws Exception {
    List<ChunkMeta> all = chunks(10_000, 20_000);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).minTime()).isEqualTo(10_000);
    assertThat(all.get(0).maxTime()).isEqualTo(20_000);
    assertThat(all.get(0).chunk().numSamples()).isEqualTo(11);
  }

  @Test
  void tombstonesFile_roundTrips() throws Exception {
    Path f = parent.resolve("t");
    Tombstones.write(f, Map.of(3L, List.of(new Interval(-5, 7), new Interval(100, 200)), 1L,
        List.of(new Interval(Long.MIN_VALUE, Long.MAX_VALUE))));
    Tombstones read = Tombstones.read(f);
    assertThat(read.get(3)).containsExactly(new Interval(-5, 7), new Interval(100, 200));
    assertThat(read.get(1)).containsExactly(new Interval(Long.MIN_VALUE, Long.MAX_VALUE));
    assertThat(read.get(2)).isEmpty();
    assertThat(read.count()).isEqualTo(3);
  }

  @Test
  void emptyTombstonesFile_isNineBytes() throws Exception {
    assertThat(Files.size(blockDir.resolve(Tombstones.FILE_NAME))).isEqualTo(9);
  }
}
