package dev.vigil.tsdb.index;

/**
 * An ascending iterator over series references, with Prometheus's vocabulary: {@link #next()} and
 * {@link #seek(long)} position the iterator, {@link #at()} reads the current reference. Set
 * operations ({@link PostingsOps}) compose iterators lazily, so intersecting a huge list with a
 * small one costs about the small one's length times a seek.
 */
public interface Postings {
  boolean next();

  /** Advances to the first reference &gt;= v; does not move if the current one already qualifies. */
  boolean seek(long v);

  long at();

  Postings EMPTY = new Postings() {
    @Override
    public boolean next() {
      return false;
    }

    @Override
    public boolean seek(long v) {
      return false;
    }

    @Override
    public long at() {
      throw new IllegalStateException("empty postings");
    }
  };
}
