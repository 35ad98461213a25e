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

  /**
   * Reads on in bulk: like calling {@link #next()} repeatedly, storing each sample with time &lt;=
   * {@code maxt} into {@code times}/{@code values} from {@code offset}, at most {@code max} of them.
   * Returns the number stored, or {@code -(stored + 1)} once the iterator is exhausted. A
   * non-negative return below {@code max} means it stopped on the first sample after {@code maxt},
   * which is then the current sample; a return of {@code max} leaves it on the last one stored.
   * Storage layers override this so that a scan costs no call per sample per layer.
   */
  default int nextBatch(long maxt, long[] times, double[] values, int offset, int max) {
    int stored = 0;
    while (stored < max) {
      if (next() == ValueType.NONE) {
        return -stored - 1;
      }
      long t = atTime();
      if (t > maxt) {
        return stored;
      }
      times[offset + stored] = t;
      values[offset + stored] = atValue();
      stored++;
    }
    return stored;
  }

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
