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
  private int length;
  /** Bits still free in the last byte; 0 means the next bit starts a new byte, 8 that the last byte is empty. */
  private int free;

  BitWriter(int initialCapacity) {
    buf = new byte[Math.max(initialCapacity, 16)];
  }

  /** Starts over on a new buffer, leaving the old one to whoever holds it (a finished chunk). */
  void reset(int initialCapacity) {
    buf = new byte[Math.max(initialCapacity, 16)];
    length = 0;
    free = 0;
  }

  int length() {
    return length;
  }

  byte[] buffer() {
    return buf;
  }

  void writeBit(boolean bit) {
    if (free == 0) {
      newByte();
    }
    free--;
    if (bit) {
      buf[length - 1] |= (byte) (1 << free);
    }
  }

  /** Writes the low {@code nbits} (1 to 64) bits of {@code value}, most significant first. */
  void writeBits(long value, int nbits) {
    // Whole bytes from a byte boundary end on a boundary again; Go then holds an empty byte.
    boolean leavesEmptyByte = nbits >= 8 && (nbits & 7) == 0 && (free == 0 || free == 8);
    if (nbits <= free) {
      free -= nbits;
      buf[length - 1] |= (byte) ((value & ((1L << nbits) - 1)) << free);
    } else {
      // Checked once for all the bytes this write adds, so the loop below stores without growing.
      ensureRoom(((nbits - free + 7) >> 3) + (leavesEmptyByte ? 1 : 0));
      if (free > 0) {
        nbits -= free;
        buf[length - 1] |= (byte) ((value >>> nbits) & ((1 << free) - 1));
      }
      while (nbits >= 8) {
        nbits -= 8;
        buf[length++] = (byte) (value >>> nbits);
      }
      if (nbits > 0) {
        buf[length++] = (byte) (value << (8 - nbits));
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
    buf[index] = (byte) b;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, length);
  }

  private void newByte() {
    ensureRoom(1);
    buf[length++] = 0;
    free = 8;
  }

  /**
   * Makes room for {@code bytes} more bytes, keeping XorChunk.PADDING zero bytes after the data so
   * readers of the live buffer never run off it.
   */
  private void ensureRoom(int bytes) {
    int needed = length + bytes + XorChunk.PADDING;
    if (needed > buf.length) {
      // Half again rather than double: a head holds one growing chunk per series, and its slack is
      // memory every series pays.
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length + (buf.length >> 1)));
    }
  }
}
