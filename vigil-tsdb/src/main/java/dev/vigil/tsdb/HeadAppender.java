package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.tsdb.wal.SampleRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * One transaction against the head. Appends are checked at once against what each series holds and
 * against the oldest time the head still accepts (so a scrape learns of a bad sample immediately),
 * logged and applied on commit; a sample that a commit finds out of order after all (the same series
 * appended twice in one batch, or by two appenders), or behind a block cut meanwhile, is dropped and
 * counted, as Prometheus does.
 */
final class HeadAppender implements Appender {
  private final Head head;
  private final List<Head.HeadSeries> series = new ArrayList<>();
  private long[] times = new long[64];
  private double[] values = new double[64];
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
    int n = series.size();
    if (n == times.length) {
      times = Arrays.copyOf(times, n * 2);
      values = Arrays.copyOf(values, n * 2);
    }
    series.add(s);
    times[n] = t;
    values[n] = v;
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
      List<SampleRecord> records = new ArrayList<>(series.size());
      for (int i = 0; i < series.size(); i++) {
        if (times[i] >= floor) {
          records.add(new SampleRecord(series.get(i).ref, times[i], values[i]));
        }
      }
      head.log(series, records);
      int applied = 0;
      for (int i = 0; i < series.size(); i++) {
        if (apply(series.get(i), times[i], values[i], floor)) {
          applied++;
        }
      }
      head.committed(applied);
    } finally {
      shared.unlock();
      series.clear();
    }
    head.runAfterCommit();
  }

  /** Applies one sample; false when it was dropped (or was a repeat of the newest). */
  private boolean apply(Head.HeadSeries s, long t, double v, long floor) {
    synchronized (s.series) {
      s.pendingAppends--;
      if (t < floor) {
        head.rejected(SampleRejectedException.Reason.OUT_OF_BOUNDS);
        return false;
      }
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
    for (Head.HeadSeries s : series) {
      synchronized (s.series) {
        s.pendingAppends--;
      }
    }
    series.clear();
  }
}
