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
import dev.vigil.tsdb.index.Postings;
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
    long mint = hints == null ? minTime : Math.max(minTime, hints.start());
    long maxt = hints == null ? maxTime : Math.min(maxTime, hints.end());
    Postings postings = mint > maxt ? Postings.EMPTY : PostingsForMatchers.select(block.index(), matchers);
    return new ChunkSeriesSet() {
      private ChunkSeries current;
      private int visited;

      @Override
      public boolean next() {
        while (postings.next()) {
          if ((++visited & 1023) == 0) {
            ctx.checkCancelled();
          }
          SeriesEntry e = block.index().series(postings.at());
          List<Interval> deleted = DeletedIntervals.of(block.tombstones().get(e.ref()), mint, maxt);
          List<ChunkMeta> chunks = new ArrayList<>(e.chunkCount());
          for (int i = 0; i < e.chunkCount(); i++) {
            long cmin = e.chunkMinTimes()[i];
            long cmax = e.chunkMaxTimes()[i];
            if (DeletedIntervals.covers(deleted, cmin, cmax)) {
              continue;
            }
            Chunk chunk = block.chunks().chunk(e.chunkRefs()[i]);
            if (DeletedIntervals.overlaps(deleted, cmin, cmax)) {
              ChunkMeta kept = reencode(chunk, deleted);
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
