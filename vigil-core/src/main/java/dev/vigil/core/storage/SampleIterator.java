package dev.vigil.core.storage;

/**
 * Iterates the samples of one series in increasing time order. Nothing is allocated per sample: the
 * current sample is read through {@link #atTime()} and {@link #atValue()}. Failures (corrupt data)
 * are thrown as {@link StorageException} from {@link #next()} or {@link #seek(long)}.
 */
public interface SampleIterator {
  /** Advances to the next sample; returns {@link ValueType#NONE} when there is none. */
  ValueType next();

  /**
   * Advances to the first sample with time &gt;= t, or stays where it is if the current sample
   * already qualifies. Never moves backwards.
   */
  ValueType seek(long t);

  /** Timestamp of the current sample, in milliseconds since the epoch. */
  long atTime();

  /** Value of the current sample, with its NaN bits intact. */
  double atValue();

  SampleIterator EMPTY = new SampleIterator() {
    @Override
    public ValueType next() {
      return ValueType.NONE;
    }

    @Override
    public ValueType seek(long t) {
      return ValueType.NONE;
    }

    @Override
    public long atTime() {
      throw new IllegalStateException("empty iterator");
    }

    @Override
    public double atValue() {
      throw new IllegalStateException("empty iterator");
    }
  };
}
