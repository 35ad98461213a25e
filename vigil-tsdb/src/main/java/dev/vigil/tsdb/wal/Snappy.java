package dev.vigil.tsdb.wal;

/**
 * Decodes the snappy block format, which Prometheus 2.42 uses for WAL records by default: a uvarint
 * length, then literals and back-references (copies with 1-, 2- or 4-byte offsets, which may overlap
 * what they produce). Every bound is checked, so damaged input is an error, never a wrong record.
 */
final class Snappy {
  private Snappy() {}

  /** The decoded bytes; IllegalArgumentException saying what is wrong with damaged input. */
  static byte[] decode(byte[] src) {
    int[] pos = {0};
    long declared = readUvarint(src, pos);
    if (declared > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("snappy: decoded length " + declared + " is too large");
    }
    byte[] out = new byte[(int) declared];
    int d = 0;
    int s = pos[0];
    while (s < src.length) {
      int tag = src[s++] & 0xFF;
      int kind = tag & 3;
      if (kind == 0) {
        int length = tag >>> 2;
        if (length >= 60) {
          int bytes = length - 59;
          need(src, s, bytes);
          length = 0;
          for (int i = 0; i < bytes; i++) {
            length |= (src[s + i] & 0xFF) << (8 * i);
          }
          s += bytes;
          if (length < 0) {
            throw new IllegalArgumentException("snappy: literal length overflows");
          }
        }
        length++;
        need(src, s, length);
        if (length > out.length - d) {
          throw new IllegalArgumentException("snappy: literal runs past the declared length " + out.length);
        }
        System.arraycopy(src, s, out, d, length);
        s += length;
        d += length;
        continue;
      }
      int length;
      int offset;
      if (kind == 1) {
        need(src, s, 1);
        length = 4 + ((tag >>> 2) & 7);
        offset = ((tag >>> 5) << 8) | (src[s++] & 0xFF);
      } else if (kind == 2) {
        need(src, s, 2);
        length = 1 + (tag >>> 2);
        offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
        s += 2;
      } else {
        need(src, s, 4);
        length = 1 + (tag >>> 2);
        offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8 | (src[s + 2] & 0xFF) << 16 | (src[s + 3] & 0xFF) << 24;
        s += 4;
      }
      if (offset <= 0 || offset > d) {
        throw new IllegalArgumentException("snappy: copy offset " + offset + " outside the " + d + " bytes decoded");
      }
      if (length > out.length - d) {
        throw new IllegalArgumentException("snappy: copy runs past the declared length " + out.length);
      }
      // Byte by byte: a copy may overlap the bytes it is producing (a run).
      for (int i = 0; i < length; i++) {
        out[d + i] = out[d - offset + i];
      }
      d += length;
    }
    if (d != out.length) {
      throw new IllegalArgumentException("snappy: decoded " + d + " bytes, declared " + out.length);
    }
    return out;
  }

  private static void need(byte[] src, int at, int count) {
    if (count > src.length - at) {
      throw new IllegalArgumentException("snappy: input ends inside an element");
    }
  }

  private static long readUvarint(byte[] src, int[] pos) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= src.length) {
        throw new IllegalArgumentException("snappy: input ends inside the length");
      }
      int b = src[pos[0]++] & 0xFF;
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return value;
      }
    }
    throw new IllegalArgumentException("snappy: length varint too long");
  }
}
