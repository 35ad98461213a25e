package dev.vigil.tsdb.compact;

import static dev.vigil.tsdb.compact.TestChunks.chunk;
import static dev.vigil.tsdb.compact.TestChunks.chunks;
import static dev.vigil.tsdb.compact.TestChunks.drain;
import static dev.vigil.tsdb.compact.TestChunks.range;
import static dev.vigil.tsdb.compact.TestChunks.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.tsdb.compact.TestChunks.Sample;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CompactingChunkIteratorTest {
  @Test
  void chunksThatOverlapNothing_passThroughUntouchedInTimeOrder() {
    ChunkMeta a1 = range(0, 10, 1);
    ChunkMeta a2 = range(40, 50, 1);
    ChunkMeta b1 = range(20, 30, 2);

    List<ChunkMeta> out = drain(new CompactingChunkIterator(List.of(chunks(a1, a2), chunks(b1))));

    assertThat(out).containsExactly(a1, b1, a2);
    assertThat(out.get(1).chunk()).isSameAs(b1.chunk());
  }

  @Test
  void identicalChunks_yieldOneOfThemWithoutReencoding() {
    ChunkMeta a = range(0, 10, 1);
    ChunkMeta copy = range(0, 10, 1);

    List<ChunkMeta> out = drain(new CompactingChunkIterator(List.of(chunks(a), chunks(copy))));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).chunk()).isSameAs(a.chunk());
  }

  @Test
  void overlappingChunks_areMergedIntoChunksOfAtMost120Samples() {
    List<ChunkMeta> out = drain(new CompactingChunkIterator(List.of(chunks(range(0, 200, 1)), chunks(range(100, 350, 2)))));

    assertThat(out).extracting(c -> c.chunk().numSamples()).containsExactly(120, 120, 110);
    assertThat(out).extracting(ChunkMeta::minTime).containsExactly(0L, 120L, 240L);
    assertThat(out).extracting(ChunkMeta::maxTime).containsExactly(119L, 239L, 349L);
    assertThat(samples(out)).extracting(Sample::t).containsExactlyElementsOf(LongStream.range(0, 350).boxed().toList());
  }

  @Test
  void overlapsChain_throughAChunkThatBridgesTwoOthers() {
    ChunkMeta early = chunk(1, 0, 10);
    ChunkMeta bridge = chunk(2, 5, 25);
    ChunkMeta late = chunk(3, 20, 30);
    ChunkMeta apart = chunk(4, 40, 50);

    List<ChunkMeta> out = drain(new CompactingChunkIterator(List.of(chunks(early, late, apart), chunks(bridge))));

    assertThat(out).hasSize(2);
    assertThat(samples(out.subList(0, 1))).extracting(Sample::t).containsExactly(0L, 5L, 10L, 20L, 25L, 30L);
    assertThat(out.get(1).chunk()).isSameAs(apart.chunk());
  }

  @Test
  void sharedTimestampsOfTwoChunks_keepTheSamplesOfTheLaterStartingChunk_asPrometheusHeapsDo() {
    ChunkMeta wide = chunk(1, 0, 10, 20, 30);
    ChunkMeta inner = chunk(0, 10, 20);

    List<ChunkMeta> out = drain(new CompactingChunkIterator(List.of(chunks(wide), chunks(inner))));

    assertThat(samples(out)).containsExactly(new Sample(0, 1), new Sample(10, 0), new Sample(20, 0), new Sample(30, 1));
  }

  @Test
  void noParts_yieldNothing() {
    assertThat(new CompactingChunkIterator(List.of()).next()).isFalse();
  }
}
