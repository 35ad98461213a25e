package dev.vigil.tsdb;

import dev.vigil.core.chunkenc.Chunk;

/** A series' chunks in time order with their time ranges; chunks may be loaded only when asked for. */
interface ChunkSequence {
  int size();

  long minTime(int i);

  long maxTime(int i);

  Chunk chunk(int i);
}
