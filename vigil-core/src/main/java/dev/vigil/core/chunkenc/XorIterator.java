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
    long w = peek57();
    // The prefix is a run of up to four 1 bits: 0, 10, 110, 1110 or 1111.
    int ones = Long.numberOfLeadingZeros(~w);
    long dod;
    switch (ones) {
      case 0:
        pos += 1;
        dod = 0;
        break;
      case 1:
        dod = signExtend((w << 2) >>> 50, 14);
        pos += 16;
        break;
      case 2:
        dod = signExtend((w << 3) >>> 47, 17);
        pos += 20;
        break;
      case 3:
        dod = signExtend((w << 4) >>> 44, 20);
        pos += 24;
        break;
      default:
        pos += 4;
        dod = readBits(64);
        break;
    }
    tDelta += dod;
    t += tDelta;
  }

  /** Reads an n-bit field as Prometheus does: values above 2^(n-1) are negative. */
  private static long signExtend(long raw, int n) {
    return raw > (1L << (n - 1)) ? raw - (1L << n) : raw;
  }

  private void readValue() {
    long w = peek57();
    if (w >= 0) {
      pos += 1;
      return;
    }
    int mbits;
    int header;
    if ((w << 1) >= 0) {
      header = 2;
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
      header = 13;
    }
    long bits;
    if (header + mbits <= 57) {
      // The common case: header and payload both sit in the window already loaded.
      bits = (w << header) >>> (64 - mbits);
      pos += header + mbits;
    } else {
      pos += header;
      bits = readBits(mbits);
    }
    vbits ^= bits << trailing;
  }

  /**
   * At least the next 57 bits, left-aligned (bits beyond them are garbage): one big-endian load and a
   * shift. Chunks read from disk carry 8 spare bytes, so the load rarely takes the bounds-safe path.
   */
  private long peek57() {
    int byteIndex = (int) (pos >>> 3);
    long w = byteIndex + 8 <= b.length ? (long) LONG_BE.get(b, byteIndex) : slowLoad(byteIndex);
    return w << (pos & 7);
  }

  private long slowLoad(int byteIndex) {
    long w = 0;
    for (int i = 0; i < 8; i++) {
      int idx = byteIndex + i;
      w = (w << 8) | (idx < b.length ? b[idx] & 0xFF : 0);
    }
    return w;
  }

  /** Reads n bits, 1 &lt;= n &lt;= 64, in at most two window loads. */
  private long readBits(int n) {
    if (n <= 57) {
      long w = peek57();
      pos += n;
      return w >>> (64 - n);
    }
    long high = peek57() >>> 32;
    pos += 32;
    int rest = n - 32;
    long low = peek57() >>> (64 - rest);
    pos += rest;
    return (high << rest) | low;
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
