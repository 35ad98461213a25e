package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalFormat.PAGE_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A write-ahead log in Prometheus's format: a directory of segment files {@code 00000000},
 * {@code 00000001}, ... Opening it always starts a new segment after the existing ones, as
 * Prometheus does, so a segment torn by a crash is never appended to. Read the existing segments
 * (and {@link #repair} a torn tail) before opening the log for writing.
 *
 * <p>{@link #log} hands records to the operating system; they survive a crash of this process but
 * not of the machine until {@link #sync} returns. A record never spans two segments: one that does
 * not fit into the rest of the active segment starts the next, and one bigger than a whole segment
 * gets a segment of its own, larger than the configured size.
 */
public final class Wal implements AutoCloseable {
  public static final int DEFAULT_SEGMENT_SIZE = WalFormat.DEFAULT_SEGMENT_SIZE;
  public static final int PAGE_SIZE = WalFormat.PAGE_SIZE;

  private final Path dir;
  private final int segmentSize;
  private WalSegmentWriter active;
  private boolean closed;

  private Wal(Path dir, int segmentSize, WalSegmentWriter active) {
    this.dir = dir;
    this.segmentSize = segmentSize;
    this.active = active;
  }

  /** Opens {@code dir} (created if missing) with 128 MiB segments. */
  public static Wal open(Path dir) throws IOException {
    return open(dir, DEFAULT_SEGMENT_SIZE);
  }

  /** Opens {@code dir} (created if missing); {@code segmentSize} must be a positive multiple of 32 KiB. */
  public static Wal open(Path dir, int segmentSize) throws IOException {
    if (segmentSize <= 0 || segmentSize % PAGE_SIZE != 0) {
      throw new IllegalArgumentException("WAL segment size must be a positive multiple of " + PAGE_SIZE
          + " bytes, got " + segmentSize);
    }
    Files.createDirectories(dir);
    List<WalSegment> existing = WalSegments.list(dir);
    int next = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).index() + 1;
    return new Wal(dir, segmentSize, createSegment(dir, next, segmentSize));
  }

  public Path dir() {
    return dir;
  }

  /** Index of the segment records are appended to. */
  public synchronized int activeSegment() {
    return active.segment().index();
  }

  /**
   * Appends the records in order and writes them to the segment file; the last page stays partial
   * (and is completed by later records), as Prometheus leaves it.
   */
  public synchronized void log(byte[]... records) throws IOException {
    ensureOpen();
    for (byte[] record : records) {
      append(record, record.length);
    }
    active.flush();
  }

  /** As {@link #log(byte[]...)} for one record held in the first {@code length} bytes of a reused array. */
  public synchronized void log(byte[] record, int length) throws IOException {
    ensureOpen();
    append(record, length);
    active.flush();
  }

  /**
   * Logs the whole record {@code first}, then the record in the first {@code length} bytes of a reused
   * array, with one flush: a head's commit logs the records of its new series before its samples.
   */
  public synchronized void log(byte[] first, byte[] record, int length) throws IOException {
    ensureOpen();
    append(first, first.length);
    append(record, length);
    active.flush();
  }

  private void append(byte[] record, int length) throws IOException {
    if (!active.fits(length) && !active.isEmpty()) {
      nextSegment();
    }
    active.append(record, length);
  }

  /** Makes everything logged so far durable. */
  public synchronized void sync() throws IOException {
    ensureOpen();
    active.sync();
  }

  /**
   * Closes the active segment (padded to a page boundary and synced) and starts the next one.
   * Returns the new segment's index; everything before it can be checkpointed or truncated.
   */
  public synchronized int nextSegment() throws IOException {
    ensureOpen();
    int next = active.segment().index() + 1;
    active.close();
    active = createSegment(dir, next, segmentSize);
    return next;
  }

  /**
   * Deletes every segment before {@code firstToKeep}, oldest first so that a crash midway leaves a
   * sequential run. The active segment cannot be truncated away.
   */
  public synchronized void truncate(int firstToKeep) throws IOException {
    ensureOpen();
    if (firstToKeep > active.segment().index()) {
      throw new IllegalArgumentException("cannot truncate the WAL before segment " + firstToKeep
          + ": segment " + active.segment().index() + " is still being written");
    }
    for (WalSegment s : WalSegments.list(dir)) {
      if (s.index() >= firstToKeep) {
        break;
      }
      Files.delete(s.file());
    }
  }

  /**
   * Repairs the WAL after a reader found {@code corruption}: deletes every later segment (newest first)
   * and cuts the corrupt segment at the start of the broken record, zero-padding its last page. Every
   * complete record before the corruption stays. Call it before {@link #open}; a corruption inside a
   * checkpoint is refused, since a checkpoint cannot be rebuilt from a prefix.
   */
  public static void repair(WalCorruptionException corruption) throws IOException {
    WalSegment broken = corruption.segment();
    if (Checkpoints.isCheckpointDir(broken.dir())) {
      throw new IllegalArgumentException("cannot repair a corrupt checkpoint: " + corruption.getMessage());
    }
    List<WalSegment> segments = WalSegments.list(broken.dir());
    for (int i = segments.size() - 1; i >= 0 && segments.get(i).index() > broken.index(); i--) {
      Files.delete(segments.get(i).file());
    }
    long keep = corruption.offset();
    long padded = (keep + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
    try (FileChannel channel = FileChannel.open(broken.file(), StandardOpenOption.WRITE)) {
      channel.truncate(keep);
      if (padded > keep) {
        channel.write(ByteBuffer.allocate((int) (padded - keep)), keep);
      }
      channel.force(true);
    }
    syncDirectory(broken.dir());
  }

  private static WalSegmentWriter createSegment(Path dir, int index, int segmentSize) throws IOException {
    WalSegmentWriter writer = WalSegmentWriter.create(new WalSegment(dir, index), segmentSize);
    // A new file is durable only once its directory entry is.
    syncDirectory(dir);
    return writer;
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("WAL " + dir + " is closed");
    }
  }

  /** Pads and syncs the active segment, then closes it. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      active.close();
    }
  }
}
