package dev.vigil.core.chunkenc;

import java.util.Arrays;

/**
 * Appends bits most-significant first to a growable byte array; the last byte is zero-padded.
 *
 * <p>Byte lengths follow Go's {@code bstream} in Prometheus 2.42, whose {@code writeByte} always
 * appends a fresh byte after the one it completes: a write of whole bytes that starts on a byte
 * boundary leaves an empty byte behind, and if nothing follows it stays in the chunk Prometheus
 * stores (always after an XOR chunk's first sample). We keep that byte so chunk bytes and sizes
 * match Prometheus's; later writes fill it, so the bits themselves are unaffected.
 *
 * <p>Not final: {@link XorAppender} extends it to be its own stream.
 */
class BitWriter {
  private byte[] buf;
  /** Where this stream's bytes start in {@link #buf}: a head's open chunks share pages of many. */
  private int base;
  /** Index in {@link #buf} after the last byte written. */
  private int pos;
  /** Index in {@link #buf} where this stream's region ends. */
  private int limit;
  /** Bits still free in the last byte; 0 means the next bit starts a new byte, 8 that the last byte is empty. */
  private int free;

  /** A stream in an array of its own, of at least 16 bytes. */
  BitWriter(int initialCapacity) {
    this(new byte[Math.max(initialCapacity, 16)]);
  }

  private BitWriter(byte[] own) {
    this(own, 0, own.length);
  }

  /** A stream written into {@code capacity} bytes of {@code buf} from {@code base}. */
  BitWriter(byte[] buf, int base, int capacity) {
    reset(buf, base, capacity);
  }

  /**
   * Starts over in {@code capacity} bytes of {@code buf} from {@code base}, which need not be zero:
   * every byte is stored whole before its bits are or-ed in.
   */
  void reset(byte[] buf, int base, int capacity) {
    this.buf = buf;
    this.base = base;
    this.pos = base;
    this.limit = base + capacity;
    this.free = 0;
  }

  protected final int length() {
    return pos - base;
  }

  protected final byte[] buffer() {
    return buf;
  }

  /** Where the stream's first byte is in {@link #buffer()}. */
  protected final int base() {
    return base;
  }

  /** The bytes of the region the stream may fill, including room for {@link XorChunk#PADDING}. */
  protected final int capacity() {
    return limit - base;
  }

  void writeBit(boolean bit) {
    if (free == 0) {
      newByte();
    }
    free--;
    if (bit) {
      buf[pos - 1] |= (byte) (1 << free);
    }
  }

  /** Writes the low {@code nbits} (1 to 64) bits of {@code value}, most significant first. */
  void writeBits(long value, int nbits) {
    // Whole bytes from a byte boundary end on a boundary again; Go then holds an empty byte.
    boolean leavesEmptyByte = nbits >= 8 && (nbits & 7) == 0 && (free == 0 || free == 8);
    if (nbits <= free) {
      free -= nbits;
      buf[pos - 1] |= (byte) ((value & ((1L << nbits) - 1)) << free);
    } else {
      // Checked once for all the bytes this write adds, so the loop below stores without growing.
      ensureRoom(((nbits - free + 7) >> 3) + (leavesEmptyByte ? 1 : 0));
      if (free > 0) {
        nbits -= free;
        buf[pos - 1] |= (byte) ((value >>> nbits) & ((1 << free) - 1));
      }
      while (nbits >= 8) {
        nbits -= 8;
        buf[pos++] = (byte) (value >>> nbits);
      }
      if (nbits > 0) {
        buf[pos++] = (byte) (value << (8 - nbits));
        free = 8 - nbits;
      } else {
        free = 0;
      }
    }
    if (leavesEmptyByte) {
      newByte();
    }
  }

  /**
   * Appends {@code n} zero bytes to be overwritten with {@link #setByte}, such as a chunk header,
   * without the empty byte {@link #writeBits} would leave; only at a byte boundary.
   */
  void reserveBytes(int n) {
    if (free != 0) {
      throw new IllegalStateException("reserveBytes needs a byte boundary");
    }
    for (int i = 0; i < n; i++) {
      newByte();
    }
    free = 0;
  }

  void writeByte(int b) {
    writeBits(b & 0xFF, 8);
  }

  /** Overwrites a whole byte that was already written; used for the sample count header. */
  void setByte(int index, int b) {
    buf[base + index] = (byte) b;
  }

  byte[] toByteArray() {
    return Arrays.copyOfRange(buf, base, pos);
  }

  /** The bytes written, in a new array with {@code padding} zero bytes after them. */
  byte[] copy(int padding) {
    byte[] out = new byte[length() + padding];
    System.arraycopy(buf, base, out, 0, length());
    return out;
  }

  /**
   * Continues the stream in {@code capacity} bytes of {@code to} from {@code toBase}, which must hold
   * what was written; the old region is left as it is.
   */
  protected final void moveTo(byte[] to, int toBase, int capacity) {
    int length = length();
    if (capacity < length) {
      throw new IllegalArgumentException("a region of " + capacity + " bytes cannot hold the " + length + " written");
    }
    System.arraycopy(buf, base, to, toBase, length);
    buf = to;
    base = toBase;
    pos = toBase + length;
    limit = toBase + capacity;
  }

  /**
   * Moves the stream to a region of at least {@code minCapacity} bytes, when its own is full. Here a
   * new array half again as large (rather than double: a head holds one growing chunk per series, and
   * its slack is memory every series pays); a head's series moves into its arena instead.
   */
  protected void grow(int minCapacity) {
    int capacity = Math.max(minCapacity, capacity() + (capacity() >> 1));
    moveTo(new byte[capacity], 0, capacity);
  }

  private void newByte() {
    ensureRoom(1);
    buf[pos++] = 0;
    free = 8;
  }

  /**
   * Makes room for {@code bytes} more bytes, keeping room for XorChunk.PADDING bytes after the data,
   * which a stream in an array of its own keeps zero, so readers of the live buffer never run off it.
   */
  private void ensureRoom(int bytes) {
    int needed = pos + bytes + XorChunk.PADDING;
    if (needed > limit) {
      grow(needed - base);
    }
  }
}
