package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalFormat.FIRST;
import static dev.vigil.tsdb.wal.WalFormat.FULL;
import static dev.vigil.tsdb.wal.WalFormat.HEADER_SIZE;
import static dev.vigil.tsdb.wal.WalFormat.LAST;
import static dev.vigil.tsdb.wal.WalFormat.MIDDLE;
import static dev.vigil.tsdb.wal.WalFormat.PAGE_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Appends records to one new segment file, page by page. Records are cut into fragments that fill the
 * current page; a page with fewer than 7 bytes left cannot start a fragment, so it is padded with zeros
 * and the next one begins. The page is buffered in memory and written out when it is complete or when
 * {@link #flush} is called, so a partial last page is written as many times as it grows, each write
 * adding only the new bytes.
 */
final class WalSegmentWriter implements AutoCloseable {
  private final WalSegment segment;
  private final FileChannel channel;
  private final int pagesPerSegment;
  private final byte[] page = new byte[PAGE_SIZE];
  private final CRC32C crc = new CRC32C();
  /** Bytes of the page filled with fragments. */
  private int alloc;
  /** Bytes of the page already written to the file. */
  private int flushed;
  /** Complete pages written to the file. */
  private int donePages;

  private WalSegmentWriter(WalSegment segment, FileChannel channel, int pagesPerSegment) {
    this.segment = segment;
    this.channel = channel;
    this.pagesPerSegment = pagesPerSegment;
  }

  /** Creates the segment's file, which must not exist yet. */
  static WalSegmentWriter create(WalSegment segment, int segmentSize) throws IOException {
    FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new WalSegmentWriter(segment, channel, segmentSize / PAGE_SIZE);
  }

  WalSegment segment() {
    return segment;
  }

  boolean isEmpty() {
    return donePages == 0 && alloc == 0;
  }

  /**
   * Whether a record of {@code length} bytes fits into the rest of this segment. Every fragment costs
   * a header, so the free space is counted per page.
   */
  boolean fits(int length) {
    long free = (PAGE_SIZE - alloc - HEADER_SIZE)
        + (long) (PAGE_SIZE - HEADER_SIZE) * (pagesPerSegment - donePages - 1);
    return length <= free;
  }

  /** Buffers one record, the first {@code length} bytes of the array, as fragments, writing out every page it completes. */
  void append(byte[] record, int length) throws IOException {
    int done = 0;
    // One pass at least, so that an empty record still gets its (empty) full fragment.
    for (int i = 0; i == 0 || done < length; i++) {
      int n = Math.min(length - done, PAGE_SIZE - alloc - HEADER_SIZE);
      boolean last = done + n == length;
      int type = i == 0 ? (last ? FULL : FIRST) : (last ? LAST : MIDDLE);
      crc.reset();
      crc.update(record, done, n);
      int c = (int) crc.getValue();
      page[alloc] = (byte) type;
      page[alloc + 1] = (byte) (n >>> 8);
      page[alloc + 2] = (byte) n;
      page[alloc + 3] = (byte) (c >>> 24);
      page[alloc + 4] = (byte) (c >>> 16);
      page[alloc + 5] = (byte) (c >>> 8);
      page[alloc + 6] = (byte) c;
      System.arraycopy(record, done, page, alloc + HEADER_SIZE, n);
      alloc += HEADER_SIZE + n;
      done += n;
      if (PAGE_SIZE - alloc < HEADER_SIZE) {
        completePage();
      }
    }
  }

  /** Writes the buffered part of the current page that is not in the file yet. */
  void flush() throws IOException {
    write(flushed, alloc);
    flushed = alloc;
  }

  /** Writes the current page to its end, zero padded, if it holds anything. */
  void padPage() throws IOException {
    if (alloc > 0) {
      completePage();
    }
  }

  /** Forces what has been written to the file down to the disk. */
  void sync() throws IOException {
    channel.force(false);
  }

  private void completePage() throws IOException {
    write(flushed, PAGE_SIZE);
    Arrays.fill(page, (byte) 0);
    alloc = 0;
    flushed = 0;
    donePages++;
  }

  private void write(int from, int to) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(page, from, to - from);
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  /** Pads the last page, syncs and closes: a closed segment always ends on a page boundary. */
  @Override
  public void close() throws IOException {
    try (FileChannel c = channel) {
      padPage();
      c.force(false);
    }
  }
}
