package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalFormat.FIRST;
import static dev.vigil.tsdb.wal.WalFormat.FULL;
import static dev.vigil.tsdb.wal.WalFormat.HEADER_SIZE;
import static dev.vigil.tsdb.wal.WalFormat.LAST;
import static dev.vigil.tsdb.wal.WalFormat.MIDDLE;
import static dev.vigil.tsdb.wal.WalFormat.PAGE_SIZE;
import static dev.vigil.tsdb.wal.WalFormat.PAGE_TERMINATOR;
import static dev.vigil.tsdb.wal.WalFormat.SNAPPY_FLAG;
import static dev.vigil.tsdb.wal.WalFormat.TYPE_MASK;

import dev.vigil.tsdb.encoding.CorruptionException;
import dev.vigil.tsdb.encoding.EncodingBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the records of a run of segments in order, checking every fragment's checksum and the order
 * of fragment types. A record must end in the segment it starts in; a segment may end mid-page (the
 * writer had not completed the page yet), and then simply ends after its last fragment.
 *
 * <p>The first record that cannot be read whole stops the reader with a {@link WalCorruptionException}
 * pointing at that record's start. Records whose fragments carry the snappy flag (Prometheus 2.42's
 * default) are decompressed once whole; a record that does not decompress is corrupt like any other.
 *
 * <pre>
 * try (WalReader r = WalReader.open(walDir)) {
 *   while (r.next()) { handle(r.record()); }
 * }
 * </pre>
 */
public final class WalReader implements AutoCloseable {
  private final List<WalSegment> segments;
  private final byte[] page = new byte[PAGE_SIZE];
  private boolean compressed;
  private final CRC32C crc = new CRC32C();
  private final EncodingBuffer assembled = new EncodingBuffer(PAGE_SIZE);

  private int current = -1;
  private FileChannel channel;
  private long fileSize;
  /** File offset of the page in {@link #page}. */
  private long pageStart;
  /** Bytes of the page that exist in the file: PAGE_SIZE except for a segment's short last page. */
  private int pageLength;
  private int pos;

  private byte[] record;
  private long recordOffset = -1;

  private WalReader(List<WalSegment> segments) {
    this.segments = List.copyOf(segments);
  }

  /** A reader over every segment of {@code dir}. */
  public static WalReader open(Path dir) throws IOException {
    return over(WalSegments.list(dir));
  }

  /** A reader over segments {@code first..last} (inclusive) of {@code dir}; -1 leaves an end open. */
  public static WalReader open(Path dir, int first, int last) throws IOException {
    return over(WalSegments.range(dir, first, last));
  }

  /** A reader over the given segments, in the given order. */
  public static WalReader over(List<WalSegment> segments) {
    return new WalReader(segments);
  }

  /** Advances to the next record; false once all segments are read. */
  public boolean next() throws IOException {
    record = null;
    recordOffset = -1;
    assembled.reset();
    while (true) {
      if (channel == null && !openNextSegment()) {
        return false;
      }
      if (pos >= pageLength) {
        if (pageStart + pageLength >= fileSize) {
          if (recordOffset >= 0) {
            throw corrupt(recordOffset, "the segment ends before the record's last fragment");
          }
          closeSegment();
          continue;
        }
        loadPage(pageStart + PAGE_SIZE);
      }
      if (readFragment()) {
        record = assembledRecord();
        return true;
      }
    }
  }

  /** The current record's bytes. */
  public byte[] record() {
    if (record == null) {
      throw new IllegalStateException("no current record: call next() first");
    }
    return record;
  }

  /** The segment of the current record. */
  public WalSegment segment() {
    return segments.get(current);
  }

  /** The offset of the current record's first fragment in its segment file. */
  public long offset() {
    return recordOffset;
  }

  /**
   * Consumes the fragment (or page padding) at {@link #pos}; true when it completed a record. Fragments
   * never cross pages, so everything is checked against the page as well as the file's end.
   */
  private boolean readFragment() {
    long at = pageStart + pos;
    int header = page[pos] & 0xFF;
    if (header == PAGE_TERMINATOR) {
      for (int i = pos + 1; i < pageLength; i++) {
        if (page[i] != 0) {
          throw corrupt(recordOffset >= 0 ? recordOffset : at,
              "non-zero byte at offset " + (pageStart + i) + " in the padding after offset " + at);
        }
      }
      pos = pageLength;
      return false;
    }
    long start = recordOffset >= 0 ? recordOffset : at;
    int type = header & TYPE_MASK;
    if ((header & ~(TYPE_MASK | SNAPPY_FLAG)) != 0 || type == PAGE_TERMINATOR || type > LAST) {
      throw corrupt(start, "unknown fragment type 0x" + String.format("%02x", header) + " at offset " + at);
    }
    if (pos + HEADER_SIZE > pageLength) {
      throw corrupt(start, pos + HEADER_SIZE > PAGE_SIZE
          ? "fragment header at offset " + at + " crosses the page boundary"
          : "the segment ends inside the fragment header at offset " + at);
    }
    int length = ((page[pos + 1] & 0xFF) << 8) | (page[pos + 2] & 0xFF);
    int stored = ByteBuffer.wrap(page, pos + 3, 4).getInt();
    int dataStart = pos + HEADER_SIZE;
    if (dataStart + length > pageLength) {
      throw corrupt(start, dataStart + length > PAGE_SIZE
          ? "fragment of " + length + " bytes at offset " + at + " crosses the page boundary"
          : "the segment ends inside the fragment of " + length + " bytes at offset " + at);
    }
    crc.reset();
    crc.update(page, dataStart, length);
    if ((int) crc.getValue() != stored) {
      throw corrupt(start, "checksum mismatch in the fragment at offset " + at + ": stored "
          + String.format("%08x", stored) + ", computed " + String.format("%08x", (int) crc.getValue()));
    }
    boolean continuing = recordOffset >= 0;
    if (continuing != (type == MIDDLE || type == LAST)) {
      throw corrupt(start, "unexpected " + WalFormat.fragmentName(type) + " fragment at offset " + at
          + (continuing ? " inside a record" : " without a first fragment"));
    }
    if (!continuing) {
      compressed = (header & SNAPPY_FLAG) != 0;
    }
    recordOffset = start;
    assembled.putBytes(page, dataStart, length);
    pos = dataStart + length;
    return type == FULL || type == LAST;
  }

  /** The assembled record, decompressed if its fragments were compressed. */
  private byte[] assembledRecord() {
    byte[] bytes = assembled.toByteArray();
    if (!compressed) {
      return bytes;
    }
    try {
      return Snappy.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw corrupt(recordOffset, e.getMessage());
    }
  }

  private boolean openNextSegment() throws IOException {
    if (current + 1 >= segments.size()) {
      return false;
    }
    current++;
    channel = FileChannel.open(segment().file(), StandardOpenOption.READ);
    fileSize = channel.size();
    loadPage(0);
    return true;
  }

  private void loadPage(long at) throws IOException {
    pageStart = at;
    pageLength = (int) Math.min(PAGE_SIZE, fileSize - at);
    ByteBuffer b = ByteBuffer.wrap(page, 0, pageLength);
    while (b.hasRemaining()) {
      if (channel.read(b, at + b.position()) < 0) {
        throw new CorruptionException(segment().file(), at + b.position(), "the file shrank while being read");
      }
    }
    pos = 0;
  }

  private void closeSegment() throws IOException {
    channel.close();
    channel = null;
  }

  private WalCorruptionException corrupt(long offset, String problem) {
    WalSegment s = segment();
    boolean tail = current == segments.size() - 1 && !Checkpoints.isCheckpointDir(s.dir());
    return new WalCorruptionException(s, offset, tail, problem);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      closeSegment();
    }
  }
}
