package dev.vigil.tsdb.compact;

import static dev.vigil.tsdb.compact.TestChunks.drain;
import static dev.vigil.tsdb.compact.TestChunks.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.core.storage.ChunkSeries;
import dev.vigil.core.storage.ChunkSeriesSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedChunkSeriesSetTest {
  private static final Labels A = Labels.of("__name__", "a");
  private static final Labels B = Labels.of("__name__", "b");
  private static final Labels C = Labels.of("__name__", "c");

  private record Listed(Labels labels, List<ChunkMeta> chunks) implements ChunkSeries {
    @Override
    public ChunkIterator iterator() {
      return new ListChunkIterator(chunks);
    }
  }

  private static ChunkSeriesSet set(ChunkSeries... series) {
    return new ChunkSeriesSet() {
      private int i = -1;

      @Override
      public boolean next() {
        return ++i < series.length;
      }

      @Override
      public ChunkSeries at() {
        return series[i];
      }
    };
  }

  private static List<ChunkSeries> drainSet(ChunkSeriesSet set) {
    List<ChunkSeries> out = new ArrayList<>();
    while (set.next()) {
      out.add(set.at());
    }
    return out;
  }

  @Test
  void seriesOfSeveralSets_comeOutOnceInLabelOrder() {
    ChunkSeriesSet merged = MergedChunkSeriesSet.of(List.of(
        set(new Listed(A, List.of(range(0, 10, 1))), new Listed(C, List.of(range(0, 10, 1)))),
        set(new Listed(B, List.of(range(0, 10, 1))), new Listed(C, List.of(range(10, 20, 1))))));

    assertThat(drainSet(merged)).extracting(ChunkSeries::labels).containsExactly(A, B, C);
  }

  @Test
  void aSeriesInOneSetOnly_passesThroughAsItIs() {
    Listed onlyHere = new Listed(A, List.of(range(0, 10, 1)));

    List<ChunkSeries> out = drainSet(MergedChunkSeriesSet.of(List.of(set(onlyHere), set(new Listed(B, List.of())))));

    assertThat(out.get(0)).isSameAs(onlyHere);
  }

  @Test
  void aSeriesInSeveralSets_hasTheChunksOfAll() {
    ChunkMeta first = range(0, 10, 1);
    ChunkMeta second = range(10, 20, 1);

    List<ChunkSeries> out = drainSet(MergedChunkSeriesSet.of(List.of(
        set(new Listed(A, List.of(first))), set(new Listed(A, List.of(second))))));

    assertThat(out).hasSize(1);
    assertThat(drain(out.get(0).iterator())).containsExactly(first, second);
  }

  @Test
  void oneSet_isReturnedAsItIs() {
    ChunkSeriesSet only = set();

    assertThat(MergedChunkSeriesSet.of(List.of(only))).isSameAs(only);
  }
}
