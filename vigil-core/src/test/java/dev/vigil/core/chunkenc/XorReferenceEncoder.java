package dev.vigil.core.chunkenc;

import dev.vigil.core.chunkenc.XorTestSupport.Samples;

/**
 * A deliberately naive encoder written from the layout description, building a string of '0' and
 * '1'; the production encoder must produce the same bytes. It models the one quirk of Go's bstream
 * that is visible in the bytes: a write of whole bytes starting on a byte boundary leaves an empty
 * byte behind it, which stays at the end of the chunk if nothing else is written.
 */
final class XorReferenceEncoder {
  private final StringBuilder bits = new StringBuilder();
  private boolean trailingEmptyByte;

  static byte[] encode(Samples s) {
    XorReferenceEncoder e = new XorReferenceEncoder();
    e.put(s.size(), 16);
    e.trailingEmptyByte = false; // Go's NewXORChunk starts from two zero bytes, not from writes.
    long prevT = 0;
    long prevDelta = 0;
    long prevV = 0;
    int leading = -1;
    int trailing = 0;
    for (int i = 0; i < s.size(); i++) {
      long t = s.t[i];
      long v = s.v[i];
      if (i == 0) {
        long zigzag = (t << 1) ^ (t >> 63);
        e.uvarint(zigzag);
        e.put(v, 64);
      } else {
        long delta = t - prevT;
        if (i == 1) {
          e.uvarint(delta);
        } else {
          long dod = delta - prevDelta;
          if (dod == 0) {
            e.put(0, 1);
          } else if (-8191 <= dod && dod <= 8192) {
            e.put(0b10, 2);
            e.put(dod, 14);
          } else if (-65535 <= dod && dod <= 65536) {
            e.put(0b110, 3);
            e.put(dod, 17);
          } else if (-524287 <= dod && dod <= 524288) {
            e.put(0b1110, 4);
            e.put(dod, 20);
          } else {
            e.put(0b1111, 4);
            e.put(dod, 64);
          }
        }
        long x = v ^ prevV;
        if (x == 0) {
          e.put(0, 1);
        } else {
          e.put(1, 1);
          int lz = Math.min(31, Long.numberOfLeadingZeros(x));
          int tz = Long.numberOfTrailingZeros(x);
          if (leading >= 0 && lz >= leading && tz >= trailing) {
            e.put(0, 1);
            e.put(x >>> trailing, 64 - leading - trailing);
          } else {
            leading = lz;
            trailing = tz;
            e.put(1, 1);
            e.put(lz, 5);
            e.put((64 - lz - tz) & 63, 6);
            e.put(x >>> tz, 64 - lz - tz);
          }
        }
        prevDelta = delta;
      }
      prevT = t;
      prevV = v;
    }
    return e.toBytes();
  }

  private void uvarint(long x) {
    while (Long.compareUnsigned(x, 0x80) >= 0) {
      put((x & 0x7f) | 0x80, 8);
      x >>>= 7;
    }
    put(x, 8);
  }

  /** Appends the low n bits of x, most significant first. */
  private void put(long x, int n) {
    boolean fromBoundary = bits.length() % 8 == 0;
    for (int i = n - 1; i >= 0; i--) {
      bits.append((x >>> i & 1) == 1 ? '1' : '0');
    }
    trailingEmptyByte = n >= 8 && n % 8 == 0 && fromBoundary;
  }

  private byte[] toBytes() {
    int len = (bits.length() + 7) / 8 + (trailingEmptyByte ? 1 : 0);
    byte[] out = new byte[len];
    for (int i = 0; i < bits.length(); i++) {
      if (bits.charAt(i) == '1') {
        out[i / 8] |= (byte) (0x80 >>> (i % 8));
      }
    }
    return out;
  }
}
