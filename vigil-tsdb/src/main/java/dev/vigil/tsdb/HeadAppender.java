package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import java.util.Arrays;
import java.util.concurrent.locks.Lock;

/**
 * One transaction against the head. Appends are checked at once against what each series holds and
 * against the oldest time the head still accepts (so a scrape learns of a bad sample immediately),
 * logged and applied on commit; a sample that a commit finds out of order after all (the same series
 * appended twice in one batch, or by two appenders), or behind a block cut meanwhile, is dropped and
 * counted, as Prometheus does. The batch is held in parallel arrays, reused from commit to commit, and
 * logged straight from them.
 */
final class HeadAppender implements Appender {
  private static final int INITIAL_CAPACITY = 256;

  private final Head head;
  private Head.HeadSeries[] series = new Head.HeadSeries[INITIAL_CAPACITY];
  private long[] refs = new long[INITIAL_CAPACITY];
  private long[] times = new long[INITIAL_CAPACITY];
  private double[] values = new double[INITIAL_CAPACITY];
  private int size;
  /** As Prometheus's appender, fixed when it starts: a scrape judges all its samples by one bound. */
  private long minValidTime;
  private boolean bounded;

  HeadAppender(Head head) {
    this.head = head;
    if (head.maxTime() != Long.MIN_VALUE) {
      minValidTime = head.appendableMinValidTime();
      bounded = true;
    }
  }

  @Override
  public long append(long ref, Labels labels, long t, double v) {
    if (!bounded) {
      // An empty head starts at the first sample appended, as Prometheus's initAppender.
      minValidTime = Math.max(head.minValidTime(), t - head.chunkRange() / 2);
      bounded = true;
    }
    if (t < minValidTime) {
      head.rejected(SampleRejectedException.Reason.OUT_OF_BOUNDS);
      throw new SampleRejectedException(SampleRejectedException.Reason.OUT_OF_BOUNDS,
          "sample at " + t + " is older than the head's minimum valid time " + minValidTime);
    }
    Head.HeadSeries s = ref == 0 ? null : head.series(ref);
    while (true) {
      if (s == null) {
        s = head.getOrCreate(labels);
      }
      synchronized (s.series) {
        if (!s.collected) {
          check(s, t, v);
          s.pendingAppends++;
          break;
        }
      }
      // Garbage-collected since it was found: look the labels up again.
      s = null;
    }
    if (size == series.length) {
      int grown = size * 2;
      series = Arrays.copyOf(series, grown);
      refs = Arrays.copyOf(refs, grown);
      times = Arrays.copyOf(times, grown);
      values = Arrays.copyOf(values, grown);
    }
    series[size] = s;
    refs[size] = s.ref;
    times[size] = t;
    values[size] = v;
    size++;
    return s.ref;
  }

  private void check(Head.HeadSeries s, long t, double v) {
    try {
      s.series.isNew(t, v);
    } catch (SampleRejectedException e) {
      head.rejected(e.reason());
      throw e;
    }
  }

  @Override
  public void commit() {
    Lock shared = head.commitLock().readLock();
    shared.lock();
    try {
      long floor = head.minValidTime();
      dropOlderThan(floor);
      head.log(series, refs, times, values, size);
      int applied = 0;
      for (int i = 0; i < size; i++) {
        if (apply(series[i], times[i], values[i])) {
          applied++;
        }
      }
      head.committed(applied);
    } finally {
      shared.unlock();
      clear();
    }
    head.runAfterCommit();
  }

  /**
   * Drops (and counts) samples a block cut made out of bounds after they were appended; rare, so the
   * batch is only compacted when it happens.
   */
  private void dropOlderThan(long floor) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (times[i] < floor) {
        synchronized (series[i].series) {
          series[i].pendingAppends--;
        }
        head.rejected(SampleRejectedException.Reason.OUT_OF_BOUNDS);
        continue;
      }
      if (kept != i) {
        series[kept] = series[i];
        refs[kept] = refs[i];
        times[kept] = times[i];
        values[kept] = values[i];
      }
      kept++;
    }
    size = kept;
  }

  /** Applies one sample; false when it was dropped (or was a repeat of the newest). */
  private boolean apply(Head.HeadSeries s, long t, double v) {
    synchronized (s.series) {
      s.pendingAppends--;
      try {
        if (s.series.append(t, v)) {
          head.appended(t);
          return true;
        }
      } catch (SampleRejectedException e) {
        head.rejected(e.reason());
      }
      return false;
    }
  }

  @Override
  public void rollback() {
    for (int i = 0; i < size; i++) {
      synchronized (series[i].series) {
        series[i].pendingAppends--;
      }
    }
    clear();
  }

  /** Empties the batch, letting go of its series so collected ones can be freed. */
  private void clear() {
    Arrays.fill(series, 0, size, null);
    size = 0;
  }
}
