package dev.vigil.core.chunkenc;

import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes an {@link XorChunk}. Design note on speed: every sample starts from one 64-bit big-endian
 * window load (at least 57 valid bits after the sub-byte shift), and the common cases are answered
 * from that window alone: "delta-of-delta 0 and value unchanged" is the two bits {@code 00}; a zero
 * delta-of-delta leaves 56 bits for the value; a value in the previous leading/trailing window of up
 * to 54 bits needs no second load. Loads need no bounds branch because {@link XorChunk} guarantees
 * {@link XorChunk#PADDING} readable bytes after every chunk; a corrupt chunk that makes the decoder
 * run further than that is reported as {@link ChunkFormatException}, as is one that ends early.
 * After such an exception the iterator is exhausted.
 */
final class XorIterator implements SampleIterator {
  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] b;
  private int start;
  private int endBit;
  private int pos;
  private int total;
  private int read;

  private long t;
  private long vbits;
  private long tDelta;
  private int leading;
  private int trailing;

  void reset(byte[] data, int offset, int length) {
    b = data;
    start = offset;
    endBit = (offset + length) * 8;
    total = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    pos = (offset + 2) * 8;
    read = 0;
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
    try {
      if (read >= 2) {
        decodeSample();
      } else if (read == 0) {
        t = readVarint();
        vbits = readBits(64);
      } else {
        tDelta = readUvarint();
        t += tDelta;
        readValue(window(pos));
      }
    } catch (IndexOutOfBoundsException e) {
      throw fail("XOR chunk corrupt: decoding ran past the end of its buffer at sample " + read);
    }
    if (pos > endBit) {
      throw fail("XOR chunk truncated: sample " + read + " of " + total + " ends at bit " + (pos - start * 8)
          + " of " + (endBit - start * 8));
    }
    read++;
    return ValueType.FLOAT;
  }

  private ChunkFormatException fail(String message) {
    // Decoding cannot resume from a broken position.
    total = read;
    return new ChunkFormatException(message);
  }

  private void decodeSample() {
    long w = window(pos);
    if ((w >>> 62) == 0) {
      // Delta-of-delta 0 and the same value: the most common sample of all.
      pos += 2;
      t += tDelta;
      return;
    }
    if (w >= 0) {
      pos += 1;
      w <<= 1;
    } else {
      long dod;
      if ((w << 1) >= 0) {
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
      w = window(pos);
    }
    t += tDelta;
    readValue(w);
  }

  /** Reads an n-bit field as Prometheus does: values above 2^(n-1) are negative. Branch-free. */
  private static long signExtend(long raw, int n) {
    long half = 1L << (n - 1);
    return raw - (((half - raw) >>> 63) << n);
  }

  /** Decodes a value starting at {@code pos}; {@code w} is the window there (at least 56 valid bits). */
  private void readValue(long w) {
    if (w >= 0) {
      pos += 1;
      return;
    }
    if ((w << 1) >= 0) {
      int m = 64 - leading - trailing;
      if (m <= 54) {
        vbits ^= ((w << 2) >>> (64 - m)) << trailing;
        pos += 2 + m;
      } else {
        pos += 2;
        vbits ^= readBits(m) << trailing;
      }
      return;
    }
    leading = (int) ((w << 2) >>> 59);
    int m = (int) ((w << 7) >>> 58);
    if (m == 0) {
      m = 64;
    }
    trailing = 64 - leading - m;
    if (trailing < 0) {
      throw fail("XOR chunk corrupt: " + leading + " leading zeros and " + m + " significant bits at sample " + read);
    }
    if (m <= 43) {
      vbits ^= ((w << 13) >>> (64 - m)) << trailing;
      pos += 13 + m;
    } else {
      pos += 13;
      vbits ^= readBits(m) << trailing;
    }
  }

  /** The 64 bits at bit position p, left-aligned; at least the first 57 are valid. */
  private long window(int p) {
    return ((long) LONG_BE.get(b, p >>> 3)) << (p & 7);
  }

  /** Reads n bits, 1 &lt;= n &lt;= 64, in at most two window loads. */
  private long readBits(int n) {
    if (n <= 57) {
      long w = window(pos);
      pos += n;
      return w >>> (64 - n);
    }
    long high = window(pos) >>> 32;
    long low = window(pos + 32) >>> (96 - n);
    pos += n;
    return (high << (n - 32)) | low;
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
    throw fail("XOR chunk corrupt: varint longer than 10 bytes at sample " + read);
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

  /** The tight loop of a scan: decoding and storing in one frame, with the decoder state in fields it owns. */
  @Override
  public int nextBatch(long maxt, long[] times, double[] values, int offset, int max) {
    for (int stored = 0; stored < max; stored++) {
      if (next() == ValueType.NONE) {
        return -stored - 1;
      }
      if (t > maxt) {
        return stored;
      }
      times[offset + stored] = t;
      values[offset + stored] = Double.longBitsToDouble(vbits);
    }
    return max;
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
