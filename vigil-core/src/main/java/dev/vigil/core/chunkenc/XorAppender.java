package dev.vigil.core.chunkenc;

/** Encodes samples into an {@link XorChunk}; the format is described there. */
final class XorAppender implements ChunkAppender {
  private static final int UNSET = 0xFF;

  private final BitWriter b;
  private int count;
  private long t;
  private long v;
  private long tDelta;
  private int leading = UNSET;
  private int trailing;

  XorAppender(BitWriter writer) {
    this.b = writer;
  }

  @Override
  public void append(long time, double value) {
    // Checked before writing: a rejected sample must leave the chunk's bytes untouched.
    if (count == 0xFFFF) {
      throw new IllegalStateException("an XOR chunk holds at most 65535 samples");
    }
    long bits = Double.doubleToRawLongBits(value);
    long delta = 0;
    if (count == 0) {
      writeVarint(time);
      b.writeBits(bits, 64);
    } else if (count == 1) {
      delta = time - t;
      writeUvarint(delta);
      writeValue(bits);
    } else {
      delta = time - t;
      long dod = delta - tDelta;
      if (dod == 0) {
        b.writeBit(false);
      } else if (fits(dod, 14)) {
        b.writeBits(0b10, 2);
        b.writeBits(dod, 14);
      } else if (fits(dod, 17)) {
        b.writeBits(0b110, 3);
        b.writeBits(dod, 17);
      } else if (fits(dod, 20)) {
        b.writeBits(0b1110, 4);
        b.writeBits(dod, 20);
      } else {
        b.writeBits(0b1111, 4);
        b.writeBits(dod, 64);
      }
      writeValue(bits);
    }
    t = time;
    v = bits;
    tDelta = delta;
    count++;
    b.setByte(0, count >>> 8);
    b.setByte(1, count);
  }

  /** Prometheus's asymmetric range: -(2^(n-1)-1) <= x <= 2^(n-1). */
  private static boolean fits(long x, int nbits) {
    long half = 1L << (nbits - 1);
    return -(half - 1) <= x && x <= half;
  }

  private void writeValue(long bits) {
    long delta = bits ^ v;
    if (delta == 0) {
      b.writeBit(false);
      return;
    }
    b.writeBit(true);
    int newLeading = Math.min(Long.numberOfLeadingZeros(delta), 31);
    int newTrailing = Long.numberOfTrailingZeros(delta);
    if (leading != UNSET && newLeading >= leading && newTrailing >= trailing) {
      b.writeBit(false);
      b.writeBits(delta >>> trailing, 64 - leading - trailing);
      return;
    }
    leading = newLeading;
    trailing = newTrailing;
    b.writeBit(true);
    b.writeBits(newLeading, 5);
    int sigbits = 64 - newLeading - newTrailing;
    // 64 significant bits do not fit in 6 bits; they are written as 0 and read back as 64.
    b.writeBits(sigbits, 6);
    b.writeBits(delta >>> newTrailing, sigbits);
  }

  private void writeVarint(long x) {
    writeUvarint((x << 1) ^ (x >> 63));
  }

  private void writeUvarint(long x) {
    while (Long.compareUnsigned(x, 0x80) >= 0) {
      b.writeByte((int) (x & 0x7F) | 0x80);
      x >>>= 7;
    }
    b.writeByte((int) x);
  }
}
