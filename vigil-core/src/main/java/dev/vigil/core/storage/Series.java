package dev.vigil.core.storage;

import dev.vigil.core.labels.Labels;

/** One series: its labels and its samples. */
public interface Series {
  Labels labels();

  /**
   * Returns an iterator over the samples. {@code reuse} is a previously returned iterator the callee
   * may reset and return instead of allocating; it may be null.
   */
  SampleIterator iterator(SampleIterator reuse);
}
