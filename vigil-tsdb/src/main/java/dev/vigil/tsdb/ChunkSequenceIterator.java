package dev.vigil.tsdb;

import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.List;

/**
 * Decodes a series' chunks one after another, dropping samples outside the visible range (two
 * comparisons per sample) and inside tombstones. Seeking skips whole chunks that end before the
 * target, and bulk reads hand whole chunks to the chunk decoder, so a query over part of a series
 * decodes only the chunks it needs.
 */
final class ChunkSequenceIterator implements SampleIterator {
  private final ChunkSequence chunks;
  private final long visibleFrom;
  private final long visibleTo;
  private final List<Interval> tombstones;
  private int next;
  private int currentChunk;
  private SampleIterator current;
  private long t;
  private double v;
  private boolean positioned;

  /** Samples outside [visibleFrom, visibleTo] or inside a tombstone interval are skipped. */
  ChunkSequenceIterator(ChunkSequence chunks, long visibleFrom, long visibleTo, List<Interval> tombstones) {
    this.chunks = chunks;
    this.visibleFrom = visibleFrom;
    this.visibleTo = visibleTo;
    this.tombstones = tombstones;
  }

  @Override
  public ValueType next() {
    while (true) {
      if (current == null) {
        if (next >= chunks.size()) {
          positioned = false;
          return ValueType.NONE;
        }
        currentChunk = next++;
        current = chunks.chunk(currentChunk).iterator(null);
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
        next = chunks.size();
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
    if (current != null && chunks.maxTime(currentChunk) < target) {
      current = null;
    }
    while (current == null && next < chunks.size() && chunks.maxTime(next) < target) {
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
        if (next >= chunks.size()) {
          positioned = false;
          return -stored - 1;
        }
        currentChunk = next++;
        current = chunks.chunk(currentChunk).iterator(null);
      }
      if (!tombstones.isEmpty() || chunks.minTime(currentChunk) < visibleFrom) {
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
          next = chunks.size();
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
