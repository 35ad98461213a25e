package dev.vigil.core.chunkenc;

import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes an {@link XorChunk}. The bit reader works on a 64-bit window loaded with one big-endian
 * read, so the common cases (unchanged delta, unchanged value, value in the old window) cost a few
 * shifts. Reads past the chunk's end raise {@link ChunkFormatException} rather than returning garbage.
 */
final class XorIterator implements SampleIterator {
  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] b;
  private int start;
  private long endBit;
  private long pos;
  private int total;
  private int read;

  private long t;
  private long vbits;
  private long tDelta;
  private int leading;
  private int trailing;
  private ChunkFormatException failure;

  void reset(byte[] data, int offset, int length) {
    b = data;
    start = offset;
    endBit = (long) (offset + length) * 8;
    total = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    pos = (long) (offset + 2) * 8;
    read = 0;
    failure = null;
    t = Long.MIN_VALUE;
    vbits = 0;
    tDelta = 0;
    leading = 0;
    trailing = 0;
  }

  @Override
  public ValueType next() {
    if (read >= total) {
      return ValueType.NONE;
    }
    if (failure != null) {
      throw failure;
    }
    try {
      return decodeNext();
    } catch (ChunkFormatException e) {
      // Decoding cannot resume from a broken position; every later call reports the same damage.
      failure = e;
      throw e;
    }
  }

  private ValueType decodeNext() {
    if (read == 0) {
      t = readVarint();
      vbits = readBits(64);
    } else if (read == 1) {
      tDelta = readUvarint();
      t += tDelta;
      readValue();
    } else {
      readTimestamp();
      readValue();
    }
    if (pos > endBit) {
      throw new ChunkFormatException("XOR chunk truncated: sample " + read + " of " + total + " ends at bit "
          + (pos - (long) start * 8) + " of " + (endBit - (long) start * 8));
    }
    read++;
    return ValueType.FLOAT;
  }

  private void readTimestamp() {
    long w = peek();
    long dod;
    if (w >= 0) {
      pos += 1;
      dod = 0;
    } else if ((w << 1) >= 0) {
      dod = signExtend((w << 2) >>> 50, 14);
      pos += 16;
    } else if ((w << 2) >= 0) {
      dod = signExtend((w << 3) >>> 47, 17);
      pos += 20;
    } else if ((w << 3) >= 0) {
      dod = signExtend((w << 4) >>> 44, 20);
      pos += 24;
    } else {
      pos += 4;
      dod = readBits(64);
    }
    tDelta += dod;
    t += tDelta;
  }

  /** Reads an n-bit field as Prometheus does: values above 2^(n-1) are negative. */
  private static long signExtend(long raw, int n) {
    return raw > (1L << (n - 1)) ? raw - (1L << n) : raw;
  }

  private void readValue() {
    long w = peek();
    if (w >= 0) {
      pos += 1;
      return;
    }
    int mbits;
    if ((w << 1) >= 0) {
      pos += 2;
      mbits = 64 - leading - trailing;
    } else {
      leading = (int) ((w << 2) >>> 59);
      mbits = (int) ((w << 7) >>> 58);
      if (mbits == 0) {
        mbits = 64;
      }
      trailing = 64 - leading - mbits;
      if (trailing < 0) {
        throw new ChunkFormatException("XOR chunk corrupt: " + leading + " leading zeros and " + mbits
            + " significant bits at sample " + read);
      }
      pos += 13;
    }
    vbits ^= readBits(mbits) << trailing;
  }

  /** The 64 bits starting at the current position; bytes past the array read as zero. */
  private long peek() {
    int byteIndex = (int) (pos >>> 3);
    int shift = (int) (pos & 7);
    long w;
    if (byteIndex + 8 <= b.length) {
      w = (long) LONG_BE.get(b, byteIndex);
    } else {
      w = slowLoad(byteIndex);
    }
    if (shift != 0) {
      int next = byteIndex + 8 < b.length ? b[byteIndex + 8] & 0xFF : 0;
      w = (w << shift) | (next >>> (8 - shift));
    }
    return w;
  }

  private long slowLoad(int byteIndex) {
    long w = 0;
    for (int i = 0; i < 8; i++) {
      int idx = byteIndex + i;
      w = (w << 8) | (idx < b.length ? b[idx] & 0xFF : 0);
    }
    return w;
  }

  /** Reads n bits, 1 &lt;= n &lt;= 64. */
  private long readBits(int n) {
    long w = peek();
    pos += n;
    return w >>> (64 - n);
  }

  private long readUvarint() {
    long x = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      long byt = readBits(8);
      if (byt < 0x80) {
        return x | (byt << shift);
      }
      x |= (byt & 0x7F) << shift;
    }
    throw new ChunkFormatException("XOR chunk corrupt: varint longer than 10 bytes at sample " + read);
  }

  private long readVarint() {
    long u = readUvarint();
    return (u >>> 1) ^ -(u & 1);
  }

  @Override
  public ValueType seek(long target) {
    if (read > 0 && t >= target) {
      return ValueType.FLOAT;
    }
    while (next() == ValueType.FLOAT) {
      if (t >= target) {
        return ValueType.FLOAT;
      }
    }
    return ValueType.NONE;
  }

  @Override
  public long atTime() {
    return t;
  }

  @Override
  public double atValue() {
    return Double.longBitsToDouble(vbits);
  }
}
