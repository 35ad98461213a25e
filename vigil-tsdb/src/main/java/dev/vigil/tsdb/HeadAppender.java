package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import java.util.concurrent.locks.Lock;

/**
 * One transaction against the head. Appends are checked at once against what each series holds and
 * against the oldest time the head still accepts (so a scrape learns of a bad sample immediately),
 * logged and applied on commit; a sample that a commit finds out of order after all (the same series
 * appended twice in one batch, or by two appenders), or behind a block cut meanwhile, is dropped and
 * counted, as Prometheus does. The batch is borrowed from the head's pool at the first append and
 * given back at commit or rollback, so concurrent scrapes reuse each other's grown arrays.
 */
final class HeadAppender implements Appender {
  private final Head head;
  /** Null while the transaction holds no sample. */
  private AppendBatch batch;
  /** As Prometheus's appender, fixed when it starts: a scrape judges all its samples by one bound. */
  private long minValidTime;
  private boolean bounded;
  /** What {@link #prefetch} read, kept so that the reads stay in the compiled code. */
  private long prefetched;

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
    MemSeries s = ref == 0 ? null : head.series(ref);
    while (true) {
      if (s == null) {
        s = head.getOrCreate(labels);
      }
      synchronized (s) {
        if (!s.collected) {
          check(s, t, v);
          s.pendingAppends++;
          break;
        }
      }
      // Garbage-collected since it was found: look the labels up again.
      s = null;
    }
    if (batch == null) {
      batch = head.batches().acquire();
    }
    batch.add(s, t, v);
    return s.ref;
  }

  @Override
  public void prefetch(long ref) {
    MemSeries s = head.series(ref);
    if (s != null) {
      prefetched += s.touch();
    }
  }

  private void check(MemSeries s, long t, double v) {
    try {
      s.isNew(t, v);
    } catch (SampleRejectedException e) {
      head.rejected(e.reason());
      throw e;
    }
  }

  @Override
  public void commit() {
    if (batch == null) {
      head.runAfterCommit();
      return;
    }
    Lock shared = head.commitLock().readLock();
    shared.lock();
    try {
      dropOlderThan(head.minValidTime());
      head.log(batch);
      int applied = 0;
      long mint = Long.MAX_VALUE;
      long maxt = Long.MIN_VALUE;
      for (int i = 0; i < batch.size; i++) {
        long t = batch.times[i];
        if (apply(batch.series[i], t, batch.values[i])) {
          applied++;
          mint = Math.min(mint, t);
          maxt = Math.max(maxt, t);
        }
      }
      if (applied > 0) {
        // Once per commit rather than per sample: the head's bounds are contended by every appender.
        head.appended(mint, maxt);
      }
      head.committed(applied);
    } finally {
      shared.unlock();
      releaseBatch();
    }
    head.runAfterCommit();
  }

  /**
   * Drops (and counts) samples a block cut made out of bounds after they were appended; rare, so the
   * batch is only compacted when it happens.
   */
  private void dropOlderThan(long floor) {
    int kept = 0;
    for (int i = 0; i < batch.size; i++) {
      if (batch.times[i] < floor) {
        MemSeries s = batch.series[i];
        synchronized (s) {
          s.pendingAppends--;
        }
        head.rejected(SampleRejectedException.Reason.OUT_OF_BOUNDS);
        continue;
      }
      if (kept != i) {
        batch.move(i, kept);
      }
      kept++;
    }
    batch.size = kept;
  }

  /** Applies one sample; false when it was dropped (or was a repeat of the newest). */
  private boolean apply(MemSeries s, long t, double v) {
    synchronized (s) {
      s.pendingAppends--;
      try {
        return s.add(t, v);
      } catch (SampleRejectedException e) {
        head.rejected(e.reason());
        return false;
      }
    }
  }

  @Override
  public void rollback() {
    if (batch == null) {
      return;
    }
    for (int i = 0; i < batch.size; i++) {
      MemSeries s = batch.series[i];
      synchronized (s) {
        s.pendingAppends--;
      }
    }
    releaseBatch();
  }

  private void releaseBatch() {
    head.batches().release(batch);
    batch = null;
  }
}
