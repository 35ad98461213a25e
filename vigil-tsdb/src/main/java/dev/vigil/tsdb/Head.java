package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Appendable;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.core.storage.StorageException;
import dev.vigil.tsdb.wal.SampleRecord;
import dev.vigil.tsdb.wal.SeriesRecord;
import dev.vigil.tsdb.wal.Wal;
import dev.vigil.tsdb.wal.WalCorruptionException;
import dev.vigil.tsdb.wal.WalReader;
import dev.vigil.tsdb.wal.WalRecordType;
import dev.vigil.tsdb.wal.WalRecords;
import dev.vigil.tsdb.wal.WalReplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent data, in memory: series appended to by scrapes and read by queries at the same
 * time. Each series cuts its chunks exactly as Prometheus's head does; appends to one series are
 * serialised on it, and readers copy the chunk still being appended to. Samples before
 * {@link #minValidTime()} are out of bounds, as they belong to blocks already cut.
 *
 * <p>With a write-ahead log, a series is logged when it is created (so its record always precedes
 * the samples that name it) and a transaction's samples before they are applied; opening replays the
 * log, so a process killed at any moment comes back with every acknowledged sample.
 */
public final class Head implements Appendable, Queryable, AutoCloseable {
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
  private Wal wal;

  /**
   * An in-memory head without a log. {@code chunkRange}: the window chunks are cut at, as the block
   * range of the blocks cut from it.
   */
  public Head(long chunkRange) {
    this.chunkRange = chunkRange;
    for (SampleRejectedException.Reason reason : SampleRejectedException.Reason.values()) {
      rejected.put(reason, new AtomicLong());
    }
  }

  /**
   * Rebuilds a head from the write-ahead log in {@code walDir} (created if missing) and logs to it
   * from then on. A torn or corrupt record ends the replay: as Prometheus does, the log is cut there
   * (later segments deleted) and {@code warnings} is told what was dropped.
   */
  public static Head open(Path walDir, long chunkRange, Consumer<String> warnings) throws IOException {
    Head head = new Head(chunkRange);
    java.nio.file.Files.createDirectories(walDir);
    try (WalReader reader = WalReplay.open(walDir)) {
      head.replay(reader);
    } catch (WalCorruptionException e) {
      warnings.accept("WAL corruption at " + e.getMessage()
          + "; dropping the log from there on, as Prometheus does");
      Wal.repair(e);
    }
    head.wal = Wal.open(walDir);
    return head;
  }

  private void replay(WalReader reader) throws IOException {
    while (reader.next()) {
      byte[] record = reader.record();
      WalRecordType type = WalRecordType.of(record);
      if (type == WalRecordType.SERIES) {
        for (SeriesRecord s : WalRecords.decodeSeries(record, reader.segment().file(), reader.offset())) {
          restore(s.ref(), s.labels());
        }
      } else if (type == WalRecordType.SAMPLES) {
        for (SampleRecord s : WalRecords.decodeSamples(record, reader.segment().file(), reader.offset())) {
          replaySample(s);
        }
      }
    }
  }

  private void replaySample(SampleRecord s) {
    HeadSeries series = byRef.get(s.ref());
    if (series == null) {
      return;
    }
    try {
      if (series.series.append(s.t(), s.v())) {
        appended(s.t());
      }
    } catch (SampleRejectedException e) {
      rejected(e.reason());
    }
  }

  /** A series from the log, under its logged reference; a second reference to known labels aliases it. */
  private void restore(long ref, Labels labels) {
    HeadSeries existing = byLabels.get(labels);
    if (existing != null) {
      byRef.put(ref, existing);
    } else {
      HeadSeries s = new HeadSeries(ref, new MemSeries(labels, chunkRange));
      postings.add(ref, labels);
      byRef.put(ref, s);
      byLabels.put(labels, s);
    }
    nextRef = Math.max(nextRef, ref + 1);
  }

  /** Logs a transaction's samples before they are applied; a head without a log skips this. */
  void log(List<SampleRecord> samples) {
    if (wal == null || samples.isEmpty()) {
      return;
    }
    try {
      wal.log(WalRecords.encodeSamples(samples));
    } catch (IOException e) {
      throw new StorageException("writing samples to the WAL failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (wal != null) {
      try {
        wal.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
        logSeries(s);
        // Indexed before it can be found, so a reader that finds it also finds it in the postings.
        postings.add(s.ref, labels);
        byRef.put(s.ref, s);
        byLabels.put(labels, s);
      }
      return s;
    }
  }

  private void logSeries(HeadSeries s) {
    if (wal == null) {
      return;
    }
    try {
      wal.log(WalRecords.encodeSeries(List.of(new SeriesRecord(s.ref, s.series.labels()))));
    } catch (IOException e) {
      throw new StorageException("writing a series to the WAL failed: " + e.getMessage(), e);
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
