package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appendable;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.SampleRejectedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent data, in memory: series appended to by scrapes and read by queries at the same
 * time. Each series cuts its chunks exactly as Prometheus's head does; appends to one series are
 * serialised on it, and readers copy the chunk still being appended to. Samples before
 * {@link #minValidTime()} are out of bounds, as they belong to blocks already cut.
 */
public final class Head implements Appendable, Queryable {
  private final long chunkRange;
  private final Map<Labels, HeadSeries> byLabels = new ConcurrentHashMap<>();
  private final Map<Long, HeadSeries> byRef = new ConcurrentHashMap<>();
  private final MemPostings postings = new MemPostings();
  private final Object creation = new Object();
  private final Map<SampleRejectedException.Reason, AtomicLong> rejected =
      new EnumMap<>(SampleRejectedException.Reason.class);
  private long nextRef = 1;
  private final AtomicLong minTime = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong maxTime = new AtomicLong(Long.MIN_VALUE);
  private volatile long minValidTime = Long.MIN_VALUE;

  /** {@code chunkRange}: the window chunks are cut at, as the block range of the blocks cut from it. */
  public Head(long chunkRange) {
    this.chunkRange = chunkRange;
    for (SampleRejectedException.Reason reason : SampleRejectedException.Reason.values()) {
      rejected.put(reason, new AtomicLong());
    }
  }

  /** One series of the head: its reference and its chunks, guarded by the series itself. */
  static final class HeadSeries {
    final long ref;
    final MemSeries series;

    HeadSeries(long ref, MemSeries series) {
      this.ref = ref;
      this.series = series;
    }
  }

  @Override
  public Appender appender() {
    return new HeadAppender(this);
  }

  @Override
  public Querier querier(long mint, long maxt) {
    return new HeadQuerier(this, mint, maxt);
  }

  HeadSeries series(long ref) {
    return byRef.get(ref);
  }

  /** The series with these labels, created (and indexed) if new. */
  HeadSeries getOrCreate(Labels labels) {
    HeadSeries s = byLabels.get(labels);
    if (s != null) {
      return s;
    }
    synchronized (creation) {
      s = byLabels.get(labels);
      if (s == null) {
        s = new HeadSeries(nextRef++, new MemSeries(labels, chunkRange));
        // Indexed before it can be found, so a reader that finds it also finds it in the postings.
        postings.add(s.ref, labels);
        byRef.put(s.ref, s);
        byLabels.put(labels, s);
      }
      return s;
    }
  }

  MemPostings postings() {
    return postings;
  }

  void rejected(SampleRejectedException.Reason reason) {
    rejected.get(reason).incrementAndGet();
  }

  void appended(long t) {
    minTime.accumulateAndGet(t, Math::min);
    maxTime.accumulateAndGet(t, Math::max);
  }

  /** How many samples were refused for this reason since the head was created. */
  public long rejectedSamples(SampleRejectedException.Reason reason) {
    return rejected.get(reason).get();
  }

  public int numSeries() {
    return byRef.size();
  }

  /** The oldest sample's time, or Long.MAX_VALUE while empty. */
  public long minTime() {
    return minTime.get();
  }

  /** The newest sample's time, or Long.MIN_VALUE while empty. */
  public long maxTime() {
    return maxTime.get();
  }

  public long minValidTime() {
    return minValidTime;
  }

  /** Samples older than this are refused from now on (the data before it lives in blocks). */
  public void setMinValidTime(long t) {
    minValidTime = t;
  }
}
