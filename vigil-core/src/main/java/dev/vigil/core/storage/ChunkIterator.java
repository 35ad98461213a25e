package dev.vigil.core.storage;

/** Iterates the chunks of one series, ordered by minTime and not overlapping. */
public interface ChunkIterator {
  boolean next();

  ChunkMeta at();
}
