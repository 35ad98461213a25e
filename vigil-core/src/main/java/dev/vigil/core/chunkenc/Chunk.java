package dev.vigil.core.chunkenc;

import dev.vigil.core.storage.SampleIterator;

/** An encoded run of samples of one series. */
public interface Chunk {
  Encoding encoding();

  /** The encoded bytes exactly as stored on disk; callers must not modify the returned array. */
  byte[] bytes();

  int numSamples();

  /** Decodes the samples; {@code reuse} is an iterator from an earlier call that may be recycled, or null. */
  SampleIterator iterator(SampleIterator reuse);
}
