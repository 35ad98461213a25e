package dev.vigil.tsdb;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.chunkenc.ChunkAppender;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.core.storage.ChunkQuerier;
import dev.vigil.core.storage.ChunkSeries;
import dev.vigil.core.storage.ChunkSeriesSet;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one block as encoded chunks over [minTime, maxTime]. Chunks untouched by the range edges and
 * tombstones pass through as stored; a chunk that is partly deleted or partly outside the range is
 * re-encoded with the samples that remain, as Prometheus does, so callers never see deleted data.
 */
final class BlockChunkQuerier implements ChunkQuerier {
  private final Block block;
  private final long minTime;
  private final long maxTime;

  BlockChunkQuerier(Block block, long minTime, long maxTime) {
    this.block = block;
    this.minTime = minTime;
    this.maxTime = maxTime;
  }

  @Override
  public ChunkSeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
    SeriesCursor cursor = new SeriesCursor(block, ctx, minTime, maxTime, hints, matchers);
    return new ChunkSeriesSet() {
      private ChunkSeries current;

      @Override
      public boolean next() {
        while (cursor.next()) {
          SeriesEntry e = cursor.entry();
          List<Interval> hidden = cursor.hidden();
          List<ChunkMeta> chunks = new ArrayList<>();
          for (int i : cursor.visibleChunks()) {
            long cmin = e.chunkMinTimes()[i];
            long cmax = e.chunkMaxTimes()[i];
            Chunk chunk = block.chunks().chunk(e.chunkRefs()[i]);
            if (DeletedIntervals.overlaps(hidden, cmin, cmax)) {
              ChunkMeta kept = reencode(chunk, hidden);
              if (kept != null) {
                chunks.add(kept);
              }
            } else {
              chunks.add(new ChunkMeta(cmin, cmax, chunk));
            }
          }
          if (!chunks.isEmpty()) {
            current = new ListChunkSeries(e.labels(), chunks);
            return true;
          }
        }
        return false;
      }

      @Override
      public ChunkSeries at() {
        return current;
      }
    };
  }

  private static ChunkMeta reencode(Chunk chunk, List<Interval> deleted) {
    XorChunk out = XorChunk.empty();
    ChunkAppender app = out.appender();
    long first = 0;
    long last = 0;
    int n = 0;
    SampleIterator it = chunk.iterator(null);
    while (it.next() == ValueType.FLOAT) {
      long t = it.atTime();
      if (DeletedIntervals.contains(deleted, t)) {
        continue;
      }
      if (n++ == 0) {
        first = t;
      }
      last = t;
      app.append(t, it.atValue());
    }
    return n == 0 ? null : new ChunkMeta(first, last, out);
  }

  @Override
  public void close() {
    // The block owns the mapped files.
  }

  private record ListChunkSeries(Labels labels, List<ChunkMeta> chunks) implements ChunkSeries {
    @Override
    public ChunkIterator iterator() {
      return new ChunkIterator() {
        private int i = -1;

        @Override
        public boolean next() {
          return ++i < chunks.size();
        }

        @Override
        public ChunkMeta at() {
          return chunks.get(i);
        }
      };
    }
  }
}
