package dev.vigil.tsdb.compact;

import dev.vigil.core.chunkenc.ChunkAppender;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.core.storage.ChunkMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes merged samples into XOR chunks of at most 120 samples each, as Prometheus's
 * storage.NewSeriesToChunkEncoder does when vertical compaction re-encodes overlapping chunks. Unlike
 * the head it ignores time windows: only the count cuts.
 */
final class ChunkEncoder {
  static final int MAX_SAMPLES_PER_CHUNK = 120;

  private ChunkEncoder() {}

  static List<ChunkMeta> encode(ChainedSamples samples) {
    List<ChunkMeta> out = new ArrayList<>();
    XorChunk chunk = null;
    ChunkAppender appender = null;
    long minTime = 0;
    long maxTime = 0;
    int count = 0;
    while (samples.next()) {
      long t = samples.atTime();
      if (chunk == null || count >= MAX_SAMPLES_PER_CHUNK) {
        if (chunk != null) {
          out.add(new ChunkMeta(minTime, maxTime, chunk.seal()));
        }
        chunk = XorChunk.empty();
        appender = chunk.appender();
        minTime = t;
        count = 0;
      }
      appender.append(t, samples.atValue());
      maxTime = t;
      count++;
    }
    if (chunk != null) {
      out.add(new ChunkMeta(minTime, maxTime, chunk.seal()));
    }
    return out;
  }
}
