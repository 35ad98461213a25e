package dev.vigil.tsdb;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.Series;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * A series of a block: its kept chunks, read lazily from the block's segments, and the intervals to
 * hide split into the query range's bounds and real tombstones.
 */
final class BlockSeries implements Series {
  private final Block block;
  private final SeriesEntry entry;
  private final List<Integer> chunkIndexes;
  private final long visibleFrom;
  private final long visibleTo;
  private final List<Interval> tombstones = new ArrayList<>();

  BlockSeries(Block block, SeriesEntry entry, List<Integer> chunkIndexes, List<Interval> deleted) {
    this.block = block;
    this.entry = entry;
    this.chunkIndexes = chunkIndexes;
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    for (Interval iv : deleted) {
      if (iv.minTime() == Long.MIN_VALUE) {
        from = Math.max(from, iv.maxTime() == Long.MAX_VALUE ? Long.MAX_VALUE : iv.maxTime() + 1);
      } else if (iv.maxTime() == Long.MAX_VALUE) {
        to = Math.min(to, iv.minTime() - 1);
      } else {
        tombstones.add(iv);
      }
    }
    this.visibleFrom = from;
    this.visibleTo = to;
  }

  @Override
  public Labels labels() {
    return entry.labels();
  }

  @Override
  public SampleIterator iterator(SampleIterator reuse) {
    ChunkSequence chunks = new ChunkSequence() {
      @Override
      public int size() {
        return chunkIndexes.size();
      }

      @Override
      public long minTime(int i) {
        return entry.chunkMinTimes()[chunkIndexes.get(i)];
      }

      @Override
      public long maxTime(int i) {
        return entry.chunkMaxTimes()[chunkIndexes.get(i)];
      }

      @Override
      public Chunk chunk(int i) {
        return block.chunks().chunk(entry.chunkRefs()[chunkIndexes.get(i)]);
      }
    };
    return new ChunkSequenceIterator(chunks, visibleFrom, visibleTo, tombstones);
  }
}
