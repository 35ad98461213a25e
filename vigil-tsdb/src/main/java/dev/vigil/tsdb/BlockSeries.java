package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * A series of a block: decodes its kept chunks one after another, dropping deleted samples. The
 * hidden intervals that merely bound the query range are checked as two comparisons per sample, and
 * seeking skips whole chunks that end before the target, so a query over part of a block decodes
 * only the chunks it needs.
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
    return new ChunksIterator();
  }

  private final class ChunksIterator implements SampleIterator {
    private int next;
    private int currentChunk;
    private SampleIterator current;
    private long t;
    private double v;
    private boolean positioned;

    @Override
    public ValueType next() {
      while (true) {
        if (current == null) {
          if (next >= chunkIndexes.size()) {
            positioned = false;
            return ValueType.NONE;
          }
          currentChunk = chunkIndexes.get(next++);
          current = block.chunks().chunk(entry.chunkRefs()[currentChunk]).iterator(null);
        }
        if (current.next() == ValueType.NONE) {
          current = null;
          continue;
        }
        long at = current.atTime();
        if (at < visibleFrom || (!tombstones.isEmpty() && DeletedIntervals.contains(tombstones, at))) {
          continue;
        }
        if (at > visibleTo) {
          current = null;
          next = chunkIndexes.size();
          positioned = false;
          return ValueType.NONE;
        }
        t = at;
        v = current.atValue();
        positioned = true;
        return ValueType.FLOAT;
      }
    }

    @Override
    public ValueType seek(long target) {
      if (positioned && t >= target) {
        return ValueType.FLOAT;
      }
      long[] maxTimes = entry.chunkMaxTimes();
      if (current != null && maxTimes[currentChunk] < target) {
        current = null;
      }
      while (current == null && next < chunkIndexes.size() && maxTimes[chunkIndexes.get(next)] < target) {
        next++;
      }
      while (next() == ValueType.FLOAT) {
        if (t >= target) {
          return ValueType.FLOAT;
        }
      }
      return ValueType.NONE;
    }

    /**
     * Hands whole stretches of a chunk to the chunk's own batch decoder; a chunk that starts before
     * the visible range, or any series with tombstones, goes sample by sample through {@link #next()}.
     */
    @Override
    public int nextBatch(long maxt, long[] times, double[] values, int offset, int max) {
      long limit = Math.min(maxt, visibleTo);
      int stored = 0;
      while (stored < max) {
        if (current == null) {
          if (next >= chunkIndexes.size()) {
            positioned = false;
            return -stored - 1;
          }
          currentChunk = chunkIndexes.get(next++);
          current = block.chunks().chunk(entry.chunkRefs()[currentChunk]).iterator(null);
        }
        if (!tombstones.isEmpty() || entry.chunkMinTimes()[currentChunk] < visibleFrom) {
          if (next() == ValueType.NONE) {
            return -stored - 1;
          }
          if (t > maxt) {
            return stored;
          }
          times[offset + stored] = t;
          values[offset + stored] = v;
          stored++;
          continue;
        }
        int r = current.nextBatch(limit, times, values, offset + stored, max - stored);
        stored += r < 0 ? -r - 1 : r;
        if (stored > 0) {
          t = times[offset + stored - 1];
          v = values[offset + stored - 1];
          positioned = true;
        }
        if (r < 0) {
          current = null;
        } else if (stored < max) {
          // The chunk stopped on a sample after the limit: the first one past maxt, or past the range.
          long at = current.atTime();
          if (at > visibleTo) {
            current = null;
            next = chunkIndexes.size();
            positioned = false;
            return -stored - 1;
          }
          t = at;
          v = current.atValue();
          return stored;
        }
      }
      return stored;
    }

    @Override
    public long atTime() {
      return t;
    }

    @Override
    public double atValue() {
      return v;
    }
  }
}
