package dev.vigil.tsdb.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A growable byte buffer with the encoders of Prometheus's TSDB files: big-endian fixed-width integers,
 * Go unsigned varints (LEB128) and signed varints (zigzag, then LEB128).
 */
public final class EncodingBuffer {
  private byte[] buf;
  private int length;

  public EncodingBuffer(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public void reset() {
    length = 0;
  }

  public int length() {
    return length;
  }

  /** The backing array; only the first {@link #length()} bytes are meaningful. */
  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, length);
  }

  private void ensure(int extra) {
    if (length + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
    }
  }

  public void putByte(int b) {
    ensure(1);
    buf[length++] = (byte) b;
  }

  public void putBytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, length, len);
    length += len;
  }

  public void putBytes(byte[] b) {
    putBytes(b, 0, b.length);
  }

  public void putBE32(int x) {
    ensure(4);
    buf[length++] = (byte) (x >>> 24);
    buf[length++] = (byte) (x >>> 16);
    buf[length++] = (byte) (x >>> 8);
    buf[length++] = (byte) x;
  }

  public void putBE64(long x) {
    putBE32((int) (x >>> 32));
    putBE32((int) x);
  }

  public void putUvarint(long x) {
    ensure(10);
    while (Long.compareUnsigned(x, 0x80) >= 0) {
      buf[length++] = (byte) ((x & 0x7F) | 0x80);
      x >>>= 7;
    }
    buf[length++] = (byte) x;
  }

  public void putVarint(long x) {
    putUvarint((x << 1) ^ (x >> 63));
  }

  /** A string as its UTF-8 byte length (uvarint) followed by the bytes. */
  public void putUvarintString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putUvarint(b.length);
    putBytes(b);
  }

  /** Overwrites four bytes at {@code pos} with a big-endian int, for lengths known only afterwards. */
  public void setBE32(int pos, int x) {
    buf[pos] = (byte) (x >>> 24);
    buf[pos + 1] = (byte) (x >>> 16);
    buf[pos + 2] = (byte) (x >>> 8);
    buf[pos + 3] = (byte) x;
  }

  /** Appends the CRC32C of bytes [from, length) as a big-endian int. */
  public void putCrc32c(int from) {
    CRC32C crc = new CRC32C();
    crc.update(buf, from, length - from);
    putBE32((int) crc.getValue());
  }

  public static int uvarintSize(long x) {
    int n = 1;
    while (Long.compareUnsigned(x, 0x80) >= 0) {
      x >>>= 7;
      n++;
    }
    return n;
  }
}
