package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.tsdb.wal.SampleRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction against the head. Appends are checked at once against what each series holds
 * (so a scrape learns of a bad sample immediately), logged and applied on commit; a sample that a commit
 * finds out of order after all (the same series appended twice in one batch, or by two appenders)
 * is dropped and counted, as Prometheus does.
 */
final class HeadAppender implements Appender {
  private final Head head;
  private final List<Head.HeadSeries> series = new ArrayList<>();
  private long[] times = new long[64];
  private double[] values = new double[64];

  HeadAppender(Head head) {
    this.head = head;
  }

  @Override
  public long append(long ref, Labels labels, long t, double v) {
    if (t < head.minValidTime()) {
      head.rejected(SampleRejectedException.Reason.OUT_OF_BOUNDS);
      throw new SampleRejectedException(SampleRejectedException.Reason.OUT_OF_BOUNDS,
          "sample at " + t + " is older than the head's minimum valid time " + head.minValidTime());
    }
    Head.HeadSeries s = ref == 0 ? null : head.series(ref);
    if (s == null) {
      s = head.getOrCreate(labels);
    }
    synchronized (s.series) {
      try {
        s.series.isNew(t, v);
      } catch (SampleRejectedException e) {
        head.rejected(e.reason());
        throw e;
      }
    }
    int n = series.size();
    if (n == times.length) {
      times = java.util.Arrays.copyOf(times, n * 2);
      values = java.util.Arrays.copyOf(values, n * 2);
    }
    series.add(s);
    times[n] = t;
    values[n] = v;
    return s.ref;
  }

  @Override
  public void commit() {
    List<SampleRecord> records = new ArrayList<>(series.size());
    for (int i = 0; i < series.size(); i++) {
      records.add(new SampleRecord(series.get(i).ref, times[i], values[i]));
    }
    head.log(records);
    for (int i = 0; i < series.size(); i++) {
      Head.HeadSeries s = series.get(i);
      synchronized (s.series) {
        try {
          if (s.series.append(times[i], values[i])) {
            head.appended(times[i]);
          }
        } catch (SampleRejectedException e) {
          head.rejected(e.reason());
        }
      }
    }
    series.clear();
  }

  @Override
  public void rollback() {
    series.clear();
  }
}
