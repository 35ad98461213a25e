package dev.vigil.core.storage;

import dev.vigil.core.labels.Labels;

/** One series as encoded chunks, for compaction, the Store API and remote read; never for PromQL. */
public interface ChunkSeries {
  Labels labels();

  ChunkIterator iterator();
}
