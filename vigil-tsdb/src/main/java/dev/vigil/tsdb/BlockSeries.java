package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.List;

/** A series of a block: decodes its kept chunks one after another, dropping deleted samples. */
final class BlockSeries implements Series {
  private final Block block;
  private final SeriesEntry entry;
  private final List<Integer> chunkIndexes;
  private final List<Interval> deleted;

  BlockSeries(Block block, SeriesEntry entry, List<Integer> chunkIndexes, List<Interval> deleted) {
    this.block = block;
    this.entry = entry;
    this.chunkIndexes = chunkIndexes;
    this.deleted = deleted;
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
          int i = chunkIndexes.get(next++);
          current = block.chunks().chunk(entry.chunkRefs()[i]).iterator(null);
        }
        if (current.next() == ValueType.NONE) {
          current = null;
          continue;
        }
        long at = current.atTime();
        if (DeletedIntervals.contains(deleted, at)) {
          continue;
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
      while (next() == ValueType.FLOAT) {
        if (t >= target) {
          return ValueType.FLOAT;
        }
      }
      return ValueType.NONE;
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
