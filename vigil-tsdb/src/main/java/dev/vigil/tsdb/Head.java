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
import dev.vigil.tsdb.wal.WalCheckpoint;
import dev.vigil.tsdb.wal.WalSegment;
import dev.vigil.tsdb.wal.WalSegments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

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
  private final SeriesChunking chunking;
  /** Changed only under {@link #creation}, or before the head is shared. */
  private final SeriesByLabels byLabels = new SeriesByLabels();
  /** Changed only under {@link #creation}. */
  private final SeriesTable<MemSeries> byRef = new SeriesTable<>();
  private final MemPostings postings = new MemPostings();
  private final AppendBatchPool batches = new AppendBatchPool();
  private final Object creation = new Object();
  private final Map<SampleRejectedException.Reason, AtomicLong> rejected =
      new EnumMap<>(SampleRejectedException.Reason.class);
  private long nextRef = 1;
  private final LongAdder samplesAppended = new LongAdder();
  private final AtomicLong seriesCreated = new AtomicLong();
  private final AtomicLong seriesRemoved = new AtomicLong();
  private final AtomicLong minTime = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong maxTime = new AtomicLong(Long.MIN_VALUE);
  private volatile long minValidTime = Long.MIN_VALUE;
  /** Commits hold it shared; raising the min valid time holds it alone, so no commit straddles a cut. */
  private final ReadWriteLock commits = new ReentrantReadWriteLock();
  private final Object walLock = new Object();
  /** Collected series whose records the WAL's segments may still need, by the segment active then. */
  private final Map<Long, Integer> collectedUntilSegment = new HashMap<>();
  private long lastWalTruncation = Long.MIN_VALUE;
  private volatile Runnable afterCommit = () -> {};
  private Wal wal;

  /**
   * An in-memory head without a log. {@code chunkRange}: the window chunks are cut at, as the block
   * range of the blocks cut from it.
   */
  public Head(long chunkRange) {
    this.chunking = new SeriesChunking(chunkRange, new ChunkArena());
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
    return open(walDir, chunkRange, Long.MIN_VALUE, warnings);
  }

  /**
   * As {@link #open(Path, long, Consumer)}, for a head whose data before {@code minValidTime} is
   * already in blocks: logged samples older than that are skipped on replay, as Prometheus skips them,
   * so a restart does not load what blocks already hold.
   */
  public static Head open(Path walDir, long chunkRange, long minValidTime, Consumer<String> warnings)
      throws IOException {
    Head head = new Head(chunkRange);
    head.minValidTime = minValidTime;
    Files.createDirectories(walDir);
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
    MemSeries series = byRef.get(s.ref());
    if (series == null || s.t() < minValidTime) {
      return;
    }
    try {
      if (series.add(s.t(), s.v())) {
        appended(s.t(), s.t());
      }
    } catch (SampleRejectedException e) {
      rejected(e.reason());
    }
  }

  /** A series from the log, under its logged reference; a second reference to known labels aliases it. */
  private void restore(long ref, Labels labels) {
    if (ref <= 0) {
      return;
    }
    MemSeries existing = byLabels.get(labels);
    if (existing != null) {
      byRef.put(ref, existing);
    } else {
      MemSeries s = new MemSeries(ref, labels, chunking);
      s.logged = true;
      postings.add(ref, labels);
      byRef.put(ref, s);
      byLabels.add(s);
    }
    if (ref < Long.MAX_VALUE) {
      nextRef = Math.max(nextRef, ref + 1);
    }
  }

  /**
   * Logs a transaction's samples before they are applied, preceded by the records of any of their
   * series not logged yet, so on replay every sample finds its series. Which transaction logs a new
   * series is decided under the log's lock: the first to commit a sample of it, whoever created it.
   * The samples record is encoded into the batch's own buffer, outside the lock. A head without a
   * log skips this.
   */
  void log(AppendBatch batch) {
    if (wal == null || batch.size == 0) {
      return;
    }
    WalRecords.encodeSamples(batch.walRecord, batch.refs, batch.times, batch.values, batch.size);
    synchronized (walLock) {
      List<SeriesRecord> unlogged = new ArrayList<>();
      for (int i = 0; i < batch.size; i++) {
        MemSeries s = batch.series[i];
        if (!s.logged) {
          s.logged = true;
          unlogged.add(new SeriesRecord(s.ref, s.labels()));
        }
      }
      try {
        if (unlogged.isEmpty()) {
          wal.log(batch.walRecord.array(), batch.walRecord.length());
        } else {
          wal.log(WalRecords.encodeSeries(unlogged), batch.walRecord.array(), batch.walRecord.length());
        }
      } catch (IOException e) {
        throw new StorageException("writing samples to the WAL failed: " + e.getMessage(), e);
      }
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

  @Override
  public Appender appender() {
    return new HeadAppender(this);
  }

  @Override
  public Querier querier(long mint, long maxt) {
    return new HeadQuerier(this, mint, maxt);
  }

  AppendBatchPool batches() {
    return batches;
  }

  MemSeries series(long ref) {
    return byRef.get(ref);
  }

  /** The series with these labels, created (and indexed) if new. */
  MemSeries getOrCreate(Labels labels) {
    MemSeries s = byLabels.get(labels);
    if (s != null) {
      return s;
    }
    synchronized (creation) {
      s = byLabels.get(labels);
      if (s == null) {
        s = new MemSeries(nextRef++, labels, chunking);
        seriesCreated.incrementAndGet();
        // Indexed before it can be found, so a reader that finds it also finds it in the postings.
        postings.add(s.ref, labels);
        byRef.put(s.ref, s);
        byLabels.add(s);
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

  /** Samples from {@code mint} to {@code maxt} were added; a commit reports them once for all. */
  void appended(long mint, long maxt) {
    minTime.accumulateAndGet(mint, Math::min);
    maxTime.accumulateAndGet(maxt, Math::max);
  }

  /** How many samples were refused for this reason since the head was created. */
  public long rejectedSamples(SampleRejectedException.Reason reason) {
    return rejected.get(reason).get();
  }

  void committed(int samples) {
    samplesAppended.add(samples);
  }

  /** Samples committed since the head was created (replayed ones not included), as Prometheus counts them. */
  public long samplesAppended() {
    return samplesAppended.sum();
  }

  /** Series created by appends since the head was created (replayed ones not included). */
  public long seriesCreated() {
    return seriesCreated.get();
  }

  /** Series garbage-collected since the head was created. */
  public long seriesRemoved() {
    return seriesRemoved.get();
  }

  /** Bytes of the slots holding the series' open chunks. */
  public long openChunkBytes() {
    return chunking.arena().usedBytes();
  }

  /** Bytes of the pages the open chunks' slots are carved from, in use or kept for reuse. */
  public long openChunkPageBytes() {
    return chunking.arena().reservedBytes();
  }

  /** The index of the WAL segment being written, or -1 without a WAL. */
  public int walSegment() {
    return wal == null ? -1 : wal.activeSegment();
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

  /**
   * Samples older than this are refused from now on (the data before it lives in blocks). Waits for
   * commits in flight, so once it returns no older sample can still enter.
   */
  public void setMinValidTime(long t) {
    commits.writeLock().lock();
    try {
      minValidTime = Math.max(minValidTime, t);
    } finally {
      commits.writeLock().unlock();
    }
  }

  /**
   * The oldest time a new appender accepts, as Prometheus 2.42: no older than the min valid time,
   * and no more than half a chunk range behind the newest sample, so what is being cut into a block
   * can no longer change.
   */
  long appendableMinValidTime() {
    long newest = maxTime.get();
    long window = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - chunking.range() / 2;
    return Math.max(minValidTime, window);
  }

  /** Held shared by a commit; a commit then re-checks its samples against the min valid time. */
  ReadWriteLock commitLock() {
    return commits;
  }

  /** Runs after every commit (on the committing thread), e.g. to see whether a block can be cut. */
  public void onCommit(Runnable action) {
    afterCommit = action;
  }

  void runAfterCommit() {
    afterCommit.run();
  }

  public long chunkRange() {
    return chunking.range();
  }

  /** Whether the head spans more than one and a half chunk ranges, Prometheus's signal to cut a block. */
  public boolean compactable() {
    long min = minTime.get();
    long max = maxTime.get();
    return min != Long.MAX_VALUE && max - min > chunking.range() / 2 * 3;
  }

  /** Every series, for writing blocks and for statistics; each must be read under its own lock. */
  Iterable<MemSeries> allSeries() {
    return byRef.distinctValues();
  }

  /**
   * Forgets what is older than {@code mint} once it is in a block, as Prometheus's truncateMemory:
   * refuses older samples from now on, drops the chunks ending before it, garbage-collects series left
   * empty (postings included) unless an append to them is in flight, and moves the head's min time up.
   */
  public void truncateMemory(long mint) {
    setMinValidTime(mint);
    Map<Long, Labels> gone = new HashMap<>();
    long actualMin = Long.MAX_VALUE;
    synchronized (creation) {
      for (MemSeries s : allSeries()) {
        synchronized (s) {
          s.truncateBefore(mint);
          if (s.isEmpty() && s.pendingAppends == 0) {
            s.collected = true;
            gone.put(s.ref, s.labels());
          } else {
            actualMin = Math.min(actualMin, s.minTime());
          }
        }
      }
      byRef.removeIf(s -> s.collected);
      gone.values().forEach(byLabels::remove);
    }
    postings.delete(gone);
    seriesRemoved.addAndGet(gone.size());
    rememberCollected(gone.keySet());
    minTime.set(mint);
    maxTime.accumulateAndGet(mint, Math::max);
    if (actualMin != Long.MAX_VALUE && actualMin > mint) {
      // Nothing is left as old as the cut: start where the data does, but never past what appenders may still add.
      long start = Math.min(actualMin, appendableMinValidTime());
      setMinValidTime(start);
      minTime.set(start);
    }
  }

  private void rememberCollected(Iterable<Long> refs) {
    if (wal == null) {
      return;
    }
    int active = wal.activeSegment();
    synchronized (collectedUntilSegment) {
      refs.forEach(ref -> collectedUntilSegment.put(ref, active));
    }
  }

  /**
   * Shrinks the WAL once blocks hold its old data, as Prometheus 2.42's truncateWAL: starts a new
   * segment, checkpoints the older two thirds of the closed segments (keeping live series, series
   * whose samples those segments may still hold, and samples from {@code mint} on), then deletes them.
   * Returns whether a checkpoint was written.
   */
  public boolean truncateWal(long mint) throws IOException {
    if (wal == null || mint <= lastWalTruncation) {
      return false;
    }
    lastWalTruncation = mint;
    List<WalSegment> segments = WalSegments.list(wal.dir());
    wal.nextSegment();
    if (segments.isEmpty()) {
      return false;
    }
    int first = segments.get(0).index();
    int last = segments.get(segments.size() - 1).index() - 1;
    last = first + (last - first) * 2 / 3;
    if (last <= first) {
      return false;
    }
    Map<Long, Integer> collected;
    synchronized (collectedUntilSegment) {
      collected = new HashMap<>(collectedUntilSegment);
    }
    WalCheckpoint.write(wal.dir(), last, ref -> byRef.contains(ref) || collected.containsKey(ref), mint);
    wal.truncate(last + 1);
    synchronized (collectedUntilSegment) {
      collectedUntilSegment.values().removeIf(segment -> segment < first);
    }
    return true;
  }
}
