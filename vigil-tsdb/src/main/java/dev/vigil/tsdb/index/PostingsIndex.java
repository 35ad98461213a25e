package dev.vigil.tsdb.index;

import java.util.List;

/**
 * What matcher selection needs from an inverted index, whether a block's index file or the head's
 * in-memory postings: sorted series references per label pair, and the values of a label.
 */
public interface PostingsIndex {
  /** Sorted distinct values of the label (UTF-8 byte order). */
  List<String> labelValues(String name);

  /** Every series reference, sorted. */
  Postings allPostings();

  /** The sorted references of series with this label pair. */
  Postings postings(String name, String value);

  /** The sorted union of the references of series with any of these values of the label. */
  Postings postings(String name, List<String> values);
}
