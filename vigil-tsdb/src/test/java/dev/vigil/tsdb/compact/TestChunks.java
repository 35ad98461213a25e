package dev.vigil.tsdb.compact;

import dev.vigil.core.chunkenc.ChunkAppender;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.util.ArrayList;
import java.util.List;

/** Hand-made chunks and sample runs for the merge tests: times with one value each. */
final class TestChunks {
  private TestChunks() {}

  record Sample(long t, double v) {}

  static ChunkMeta chunk(double value, long... times) {
    XorChunk c = XorChunk.empty();
    ChunkAppender app = c.appender();
    for (long t : times) {
      app.append(t, value);
    }
    return new ChunkMeta(times[0], times[times.length - 1], c.seal());
  }

  static ChunkMeta range(long from, long toExclusive, double value) {
    long[] times = new long[(int) (toExclusive - from)];
    for (int i = 0; i < times.length; i++) {
      times[i] = from + i;
    }
    return chunk(value, times);
  }

  static SampleIterator run(double value, long... times) {
    return chunk(value, times).chunk().iterator(null);
  }

  static ChunkIterator chunks(ChunkMeta... chunks) {
    return new ListChunkIterator(List.of(chunks));
  }

  static List<ChunkMeta> drain(ChunkIterator it) {
    List<ChunkMeta> out = new ArrayList<>();
    while (it.next()) {
      out.add(it.at());
    }
    return out;
  }

  static List<Sample> samples(List<ChunkMeta> chunks) {
    List<Sample> out = new ArrayList<>();
    for (ChunkMeta c : chunks) {
      SampleIterator it = c.chunk().iterator(null);
      while (it.next() == ValueType.FLOAT) {
        out.add(new Sample(it.atTime(), it.atValue()));
      }
    }
    return out;
  }

  static List<Sample> samples(ChainedSamples chained) {
    List<Sample> out = new ArrayList<>();
    while (chained.next()) {
      out.add(new Sample(chained.atTime(), chained.atValue()));
    }
    return out;
  }
}
