package dev.vigil.core.storage;

/** Storage that can be read as encoded chunks over [minTime, maxTime], milliseconds, both inclusive. */
public interface ChunkQueryable {
  ChunkQuerier chunkQuerier(long minTime, long maxTime);
}
