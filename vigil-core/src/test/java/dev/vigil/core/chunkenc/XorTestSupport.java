package dev.vigil.core.chunkenc;

import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.util.Arrays;

/** Builds and reads XOR chunks in tests; values are handled as raw bits so NaN payloads stay visible. */
final class XorTestSupport {
  private XorTestSupport() {}

  /** Samples as parallel arrays of timestamps and raw value bits. */
  static final class Samples {
    final long[] t;
    final long[] v;

    Samples(long[] t, long[] v) {
      this.t = t;
      this.v = v;
    }

    int size() {
      return t.length;
    }

    Samples prefix(int n) {
      return new Samples(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Samples && Arrays.equals(t, ((Samples) o).t) && Arrays.equals(v, ((Samples) o).v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(t) * 31 + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < t.length; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        if (i == 20 && t.length > 24) {
          sb.append("... ").append(t.length - 20).append(" more");
          break;
        }
        sb.append('(').append(t[i]).append(", 0x").append(Long.toHexString(v[i])).append(')');
      }
      return sb.append(']').toString();
    }
  }

  static Samples samples(long[] t, double[] v) {
    long[] bits = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      bits[i] = Double.doubleToRawLongBits(v[i]);
    }
    return new Samples(t, bits);
  }

  static XorChunk encode(Samples s) {
    XorChunk c = XorChunk.empty();
    ChunkAppender app = c.appender();
    for (int i = 0; i < s.size(); i++) {
      app.append(s.t[i], Double.longBitsToDouble(s.v[i]));
    }
    return c;
  }

  static XorChunk encode(long[] t, double[] v) {
    return encode(samples(t, v));
  }

  /** Every sample the iterator yields, bounded by the chunk's declared count plus one to catch overruns. */
  static Samples decode(Chunk c) {
    return drain(c.iterator(null), c.numSamples() + 1);
  }

  static Samples drain(SampleIterator it, int limit) {
    long[] t = new long[16];
    long[] v = new long[16];
    int n = 0;
    while (n <= limit && it.next() == ValueType.FLOAT) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        v = Arrays.copyOf(v, n * 2);
      }
      t[n] = it.atTime();
      v[n] = Double.doubleToRawLongBits(it.atValue());
      n++;
    }
    return new Samples(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
  }

  /** {@code n} bits of {@code b} starting at bit {@code from}, most significant first, as a string of 0 and 1. */
  static String bits(byte[] b, int from, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = from; i < from + n; i++) {
      int byt = i / 8 < b.length ? b[i / 8] & 0xFF : 0;
      sb.append((byt >>> (7 - i % 8)) & 1);
    }
    return sb.toString();
  }

  /** Parses "00 03 d0 0f" style hex. */
  static byte[] hex(String s) {
    String[] parts = s.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  /** A bit string with spaces (for readability in expectations) removed. */
  static String b(String spaced) {
    return spaced.replace(" ", "");
  }

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  /** The 64-bit two's complement form of x. */
  static String bits64(long x) {
    String s = Long.toBinaryString(x);
    return repeat('0', 64 - s.length()) + s;
  }
}
