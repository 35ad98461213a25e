package dev.vigil.tsdb.index;

import dev.vigil.core.labels.Labels;

/**
 * A series as the index stores it: labels and chunk metas, one array entry per chunk, ordered by
 * time. Times are inclusive.
 */
public record SeriesEntry(long ref, Labels labels, long[] chunkMinTimes, long[] chunkMaxTimes, long[] chunkRefs) {
  public int chunkCount() {
    return chunkRefs.length;
  }
}
