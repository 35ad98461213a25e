package dev.vigil.tsdb.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * A bounds-checked cursor over a region of a (usually memory-mapped) file. Every read past the region
 * throws {@link CorruptionException} naming the file and the absolute offset, so truncated or corrupt
 * files fail with a precise message instead of an IndexOutOfBoundsException or garbage.
 */
public final class DecodingBuffer {
  private final ByteBuffer b;
  private final Path file;
  private final int start;
  private final int end;
  private int pos;

  /** A cursor over [start, end) of {@code b}; offsets reported in errors are absolute within the file. */
  public DecodingBuffer(ByteBuffer b, Path file, int start, int end) {
    if (start < 0 || end > b.limit() || start > end) {
      throw new CorruptionException(file, start, "region [" + start + ", " + end + ") lies outside the file of "
          + b.limit() + " bytes");
    }
    this.b = b;
    this.file = file;
    this.start = start;
    this.end = end;
    this.pos = start;
  }

  public int position() {
    return pos;
  }

  public void position(int p) {
    if (p < start || p > end) {
      throw corrupt("seek to " + p + " outside [" + start + ", " + end + ")");
    }
    pos = p;
  }

  public int remaining() {
    return end - pos;
  }

  public Path file() {
    return file;
  }

  public CorruptionException corrupt(String problem) {
    return new CorruptionException(file, pos, problem);
  }

  private void need(int n) {
    if (n < 0 || end - pos < n) {
      throw corrupt("need " + n + " bytes, only " + (end - pos) + " left (truncated or corrupt)");
    }
  }

  public void skip(int n) {
    need(n);
    pos += n;
  }

  public int readByte() {
    need(1);
    return b.get(pos++) & 0xFF;
  }

  public int readBE32() {
    need(4);
    int v = b.getInt(pos);
    pos += 4;
    return v;
  }

  public long readBE64() {
    need(8);
    long v = b.getLong(pos);
    pos += 8;
    return v;
  }

  public long readUvarint() {
    long x = 0;
    int startPos = pos;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        pos = startPos;
        throw corrupt("varint runs past the end of the region");
      }
      int byt = b.get(pos++) & 0xFF;
      if (byt < 0x80) {
        if (shift == 63 && byt > 1) {
          pos = startPos;
          throw corrupt("varint overflows 64 bits");
        }
        return x | ((long) byt << shift);
      }
      x |= (long) (byt & 0x7F) << shift;
    }
    pos = startPos;
    throw corrupt("varint longer than 10 bytes");
  }

  /** An unsigned varint that must fit in a non-negative int, such as a length or count. */
  public int readUvarintInt() {
    int at = pos;
    long v = readUvarint();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new CorruptionException(file, at, "value " + Long.toUnsignedString(v) + " too large");
    }
    return (int) v;
  }

  public long readVarint() {
    long u = readUvarint();
    return (u >>> 1) ^ -(u & 1);
  }

  public String readUvarintString() {
    int len = readUvarintInt();
    need(len);
    String s = utf8(pos, len);
    pos += len;
    return s;
  }

  private String utf8(int at, int len) {
    if (b.hasArray()) {
      return new String(b.array(), b.arrayOffset() + at, len, StandardCharsets.UTF_8);
    }
    byte[] tmp = new byte[len];
    b.get(at, tmp);
    return new String(tmp, StandardCharsets.UTF_8);
  }

  public void readBytes(byte[] dst, int off, int len) {
    need(len);
    b.get(pos, dst, off, len);
    pos += len;
  }

  /** CRC32C of [from, to) in the underlying buffer. */
  public int crc32c(int from, int to) {
    return crc32c(b, from, to);
  }

  public static int crc32c(ByteBuffer b, int from, int to) {
    CRC32C crc = new CRC32C();
    crc.update(b.duplicate().limit(to).position(from));
    return (int) crc.getValue();
  }

  /** Checks that the 4 bytes at {@code crcAt} hold the CRC32C of [from, crcAt). */
  public void verifyCrc32c(int from, int crcAt, String what) {
    if (crcAt + 4 > end || from < start) {
      throw new CorruptionException(file, crcAt, what + ": checksum lies outside the region");
    }
    int expected = b.getInt(crcAt);
    int actual = crc32c(from, crcAt);
    if (expected != actual) {
      throw new CorruptionException(file, from, what + ": checksum mismatch, stored "
          + String.format("%08x", expected) + ", computed " + String.format("%08x", actual));
    }
  }
}
