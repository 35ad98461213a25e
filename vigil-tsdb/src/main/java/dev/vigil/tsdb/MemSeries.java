package dev.vigil.tsdb;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.chunkenc.XorAppender;
import dev.vigil.core.chunkenc.XorChunk;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleRejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One series being built in memory, cutting chunks exactly where Prometheus 2.42's head cuts them, so
 * that blocks written from it are byte-identical to Prometheus's:
 *
 * <ul>
 *   <li>a chunk ends at the latest at the end of the chunk range window its first sample falls in;
 *   <li>when a chunk holds 30 samples (a quarter of the 120 target), its end is re-estimated so the
 *       rest of the window splits into equally filled chunks;
 *   <li>a chunk is cut anyway once it holds 240 samples.
 * </ul>
 *
 * <p>In a head it is also the head's entry for the series, guarded by the series itself: its
 * reference, whether it was logged, and the appends in flight that keep it from being
 * garbage-collected; once collected it is marked, so an appender that found it just before looks it
 * up again. All in one object, as a head holds millions of series: the series is also the writer of
 * its open chunk (it extends {@link XorAppender}, whose {@code append} only encodes; {@link #add}
 * checks and cuts), so a sample's check and append read one object. The open chunk's bytes are in a
 * slot of a {@link ChunkArena}, moved to a larger slot as the chunk grows (or to another page when
 * its page is evacuated) and reused for the next chunk when a chunk is cut (the finished one is
 * copied out), so growing chunks leave no garbage.
 */
final class MemSeries extends XorAppender {
  private static final int SAMPLES_PER_CHUNK = 120;
  private static final Chunk[] NO_CHUNKS = new Chunk[0];
  private static final long[] NO_RANGES = new long[0];

  final long ref;
  /** Guarded by the head's WAL lock. */
  boolean logged;
  int pendingAppends;
  boolean collected;
  private final Labels labels;
  /**
   * The windows chunks are cut at, and the arena holding the open chunk's bytes: a slot of it from the
   * first sample on, none while empty.
   */
  private final SeriesChunking chunking;
  /** The finished chunks in time order, all but the last of the {@link #count} chunks. */
  private Chunk[] chunks = NO_CHUNKS;
  /**
   * Per finished chunk its first and last sample's time: {@code [min0, max0, min1, max1, ...]}. Most
   * series of a head have no finished chunk, and need no array.
   */
  private long[] ranges = NO_RANGES;
  /** Chunks held; the last one, when there is one, is the open chunk this series itself writes. */
  private int count;
  /** The first sample's time of the head chunk; its last one is the encoder's. */
  private long headMinTime;
  private long nextAt;

  /** A series of a head, under its reference. */
  MemSeries(long ref, Labels labels, SeriesChunking chunking) {
    super(Unplaced.UNTIL_RESTART);
    this.ref = ref;
    this.labels = labels;
    this.chunking = chunking;
  }

  /** A series outside a head, which has no references. */
  MemSeries(Labels labels, SeriesChunking chunking) {
    this(0, labels, chunking);
  }

  Labels labels() {
    return labels;
  }

  /**
   * Appends a sample; an older timestamp is rejected, and so is the newest timestamp again with a
   * different value. The same sample twice is accepted and kept once, as Prometheus does.
   */
  boolean add(long t, double v) {
    if (!isNew(t, v)) {
      return false;
    }
    if (count > 0) {
      if (ChunkArena.isEvacuating(buffer())) {
        moveToSlotOf(capacity());
      }
      int headSamples = numSamples();
      if (headSamples == SAMPLES_PER_CHUNK / 4) {
        nextAt = computeChunkEndTime(headMinTime, lastTime(), nextAt);
      }
      if (t >= nextAt || headSamples >= SAMPLES_PER_CHUNK * 2) {
        cut(t);
      }
    } else {
      cut(t);
    }
    append(t, v);
    return true;
  }

  /**
   * Whether a sample would add to the series: false for a repeat of the newest sample; an older
   * timestamp, or the newest timestamp with a different value, is rejected.
   */
  boolean isNew(long t, double v) {
    if (count == 0) {
      return true;
    }
    long maxTime = lastTime();
    if (t < maxTime) {
      throw new SampleRejectedException(SampleRejectedException.Reason.OUT_OF_ORDER,
          "series " + labels + " at " + t + " is older than its newest sample at " + maxTime);
    }
    if (t == maxTime) {
      if (Double.doubleToRawLongBits(v) != lastValueBits()) {
        throw new SampleRejectedException(SampleRejectedException.Reason.DUPLICATE_TIMESTAMP,
            "series " + labels + " already has a different value at " + t);
      }
      return false;
    }
    return true;
  }

  /**
   * Reads what the next append reads first, without the series' lock: a field from each end of the
   * series and the open chunk's last byte, so that those cache lines are on their way before the
   * append needs them. The value means nothing; it is returned so that the compiler keeps the
   * reads. A racing append or move only makes the byte read a neighbour's.
   */
  long touch() {
    byte[] page = buffer();
    int last = base() + length() - 1;
    long tail = last >= 0 && last < page.length ? page[last] : 0;
    return nextAt ^ lastTime() ^ tail ^ count;
  }

  /** The newest sample's time, or Long.MIN_VALUE before the first. */
  long maxTime() {
    return count == 0 ? Long.MIN_VALUE : lastTime();
  }

  /**
   * Drops the chunks that end before {@code mint} (their data now lives in a block) and returns how
   * many went. Chunks never straddle a block boundary, so nothing newer is lost with them.
   */
  int truncateBefore(long mint) {
    int drop = 0;
    while (drop < count && maxTimeOf(drop) < mint) {
      drop++;
    }
    if (drop == 0) {
      return 0;
    }
    int left = count - drop;
    if (left == 0) {
      Arrays.fill(chunks, 0, count - 1, null);
    } else {
      // The finished chunks go; the head chunk is among the ones left.
      System.arraycopy(chunks, drop, chunks, 0, left - 1);
      Arrays.fill(chunks, left - 1, count - 1, null);
      System.arraycopy(ranges, 2 * drop, ranges, 0, 2 * (left - 1));
    }
    count = left;
    if (left == 0) {
      chunking.arena().release(buffer(), base());
      unplace();
    }
    return drop;
  }

  /** Whether the series holds no chunk at all (new, or emptied by truncation). */
  boolean isEmpty() {
    return count == 0;
  }

  /** The oldest sample's time, or Long.MAX_VALUE when empty. */
  long minTime() {
    return count == 0 ? Long.MAX_VALUE : minTimeOf(0);
  }

  /**
   * The chunks overlapping [mint, maxt] as they are now: finished chunks as they are (immutable),
   * the one being appended to copied, so readers never see a later append half-written.
   */
  ChunkSequence snapshot(long mint, long maxt) {
    List<Chunk> picked = new ArrayList<>();
    List<Long> mins = new ArrayList<>();
    List<Long> maxs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (minTimeOf(i) <= maxt && maxTimeOf(i) >= mint) {
        picked.add(chunk(i));
        mins.add(minTimeOf(i));
        maxs.add(maxTimeOf(i));
      }
    }
    return new ChunkSequence() {
      @Override
      public int size() {
        return picked.size();
      }

      @Override
      public long minTime(int i) {
        return mins.get(i);
      }

      @Override
      public long maxTime(int i) {
        return maxs.get(i);
      }

      @Override
      public Chunk chunk(int i) {
        return picked.get(i);
      }
    };
  }

  /**
   * Chunk {@code i} as it is now: finished chunks are immutable, the one being appended to is copied,
   * so readers never see a later append half-written.
   */
  private Chunk chunk(int i) {
    return i == count - 1 ? seal() : chunks[i];
  }

  private long minTimeOf(int i) {
    return i == count - 1 ? headMinTime : ranges[2 * i];
  }

  private long maxTimeOf(int i) {
    return i == count - 1 ? lastTime() : ranges[2 * i + 1];
  }

  private void cut(long t) {
    int capacity = INITIAL_CAPACITY;
    if (count > 0) {
      int finished = count - 1;
      if (finished == chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(2, chunks.length * 2));
        ranges = Arrays.copyOf(ranges, chunks.length * 2);
      }
      // Copied out: the slot is the next chunk's.
      XorChunk done = seal();
      chunks[finished] = done;
      ranges[2 * finished] = headMinTime;
      ranges[2 * finished + 1] = lastTime();
      // The next chunk of a steady series is about as long: one slot instead of a trail of outgrown ones.
      int previous = done.sizeBytes();
      capacity = Math.max(capacity, previous + (previous >> 4) + XorChunk.PADDING);
    }
    startChunkIn(capacity);
    headMinTime = t;
    count++;
    nextAt = rangeEnd(t, chunking.range());
  }

  /** Starts the next chunk in a slot of about {@code capacity} bytes: the current one when it is that size. */
  private void startChunkIn(int capacity) {
    if (capacity() > 0) {
      if (ChunkArena.capacityFor(capacity) == capacity()) {
        restart(buffer(), base(), capacity());
        return;
      }
      chunking.arena().release(buffer(), base());
    }
    ChunkArena.Slot slot = chunking.arena().allocate(capacity);
    restart(slot.page(), slot.start(), slot.capacity());
  }

  /** The open chunk outgrew its slot: on to a larger one, and the old one back to the arena. */
  @Override
  protected void grow(int minCapacity) {
    moveToSlotOf(minCapacity);
  }

  private void moveToSlotOf(int minCapacity) {
    ChunkArena.Slot slot = chunking.arena().allocate(minCapacity);
    byte[] page = buffer();
    int start = base();
    moveTo(slot.page(), slot.start(), slot.capacity());
    chunking.arena().release(page, start);
  }

  /** End of the chunk range window holding t; Go's truncating division, so negative times match too. */
  static long rangeEnd(long t, long width) {
    return (t / width) * width + width;
  }

  /** Prometheus's estimate of where to end a chunk that is a quarter full. */
  static long computeChunkEndTime(long start, long cur, long max) {
    long n = (max - start) / ((cur - start + 1) * 4);
    if (n <= 1) {
      return max;
    }
    return start + (max - start) / n;
  }

  List<Chunk> chunks() {
    List<Chunk> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(chunk(i));
    }
    return all;
  }

  long[] chunkMinTimes() {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = minTimeOf(i);
    }
    return out;
  }

  long[] chunkMaxTimes() {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = maxTimeOf(i);
    }
    return out;
  }
}
