package dev.vigil.core.chunkenc;

/** Appends samples to a chunk; the caller guarantees strictly increasing timestamps. */
public interface ChunkAppender {
  void append(long t, double v);
}
