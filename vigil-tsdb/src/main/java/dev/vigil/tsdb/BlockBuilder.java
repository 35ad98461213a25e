package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects samples in memory and writes them as one block, as Prometheus's BlockWriter does (a head
 * flushed by the compactor): chunks are cut like the head cuts them, and the block spans from the
 * first sample to one past the last.
 */
public final class BlockBuilder {
  private final SeriesChunking chunking;
  private final Map<Labels, MemSeries> series = new HashMap<>();
  private long minTime = Long.MAX_VALUE;
  private long maxTime = Long.MIN_VALUE;
  private long samples;

  /** @param chunkRange the head's chunk range in milliseconds; chunks never span one of its windows. */
  public BlockBuilder(long chunkRange) {
    if (chunkRange <= 0) {
      throw new IllegalArgumentException("chunk range must be positive, got " + chunkRange);
    }
    this.chunking = new SeriesChunking(chunkRange, new ChunkArena());
  }

  /**
   * Appends a sample. Labels are validated; out-of-order samples and a second value at one timestamp
   * raise {@link dev.vigil.core.storage.SampleRejectedException}.
   */
  public void append(Labels labels, long t, double v) {
    MemSeries s = series.get(labels);
    if (s == null) {
      if (labels.isEmpty()) {
        throw new IllegalArgumentException("empty label set");
      }
      LabelNames.validate(labels);
      s = new MemSeries(labels, chunking);
      series.put(labels, s);
    }
    if (s.add(t, v)) {
      samples++;
      minTime = Math.min(minTime, t);
      maxTime = Math.max(maxTime, t);
    }
  }

  public boolean isEmpty() {
    return samples == 0;
  }

  public long sampleCount() {
    return samples;
  }

  public int seriesCount() {
    return series.size();
  }

  /** Writes the block into {@code parentDir} and returns its meta; the builder must not be used again. */
  public BlockMeta write(Path parentDir, String ulid) throws IOException {
    if (isEmpty()) {
      throw new IllegalStateException("no series appended");
    }
    List<MemoryBlockWriter.SeriesChunks> all = new ArrayList<>(series.size());
    for (MemSeries s : series.values()) {
      all.add(new MemoryBlockWriter.SeriesChunks(s.labels(), s.chunks(), s.chunkMinTimes(), s.chunkMaxTimes()));
    }
    return MemoryBlockWriter.write(parentDir, ulid, all, minTime, maxTime + 1);
  }
}
