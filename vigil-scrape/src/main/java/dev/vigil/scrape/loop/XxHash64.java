package dev.vigil.scrape.loop;

/**
 * XXH64 with seed 0, the hash Prometheus 2.42 gives label sets ({@code labels.Labels.Hash}, through
 * {@code cespare/xxhash}); Vigil needs the same values because a target's scrape offset derives from
 * one. Written from the published XXH64 specification; bytes are read little-endian.
 */
final class XxHash64 {
  private static final long PRIME_1 = 0x9E3779B185EBCA87L;
  private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME_3 = 0x165667B19E3779F9L;
  private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
  private static final long PRIME_5 = 0x27D4EB2F165667C5L;

  private XxHash64() {}

  static long hash(byte[] input, int offset, int length) {
    int end = offset + length;
    int at = offset;
    long h;
    if (length >= 32) {
      long v1 = PRIME_1 + PRIME_2;
      long v2 = PRIME_2;
      long v3 = 0;
      long v4 = -PRIME_1;
      for (int stripesEnd = end - 32; at <= stripesEnd; at += 32) {
        v1 = round(v1, readLong(input, at));
        v2 = round(v2, readLong(input, at + 8));
        v3 = round(v3, readLong(input, at + 16));
        v4 = round(v4, readLong(input, at + 24));
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = mergeRound(h, v1);
      h = mergeRound(h, v2);
      h = mergeRound(h, v3);
      h = mergeRound(h, v4);
    } else {
      h = PRIME_5;
    }
    h += length;
    for (; at + 8 <= end; at += 8) {
      h ^= round(0, readLong(input, at));
      h = Long.rotateLeft(h, 27) * PRIME_1 + PRIME_4;
    }
    if (at + 4 <= end) {
      h ^= (readInt(input, at) & 0xFFFFFFFFL) * PRIME_1;
      h = Long.rotateLeft(h, 23) * PRIME_2 + PRIME_3;
      at += 4;
    }
    for (; at < end; at++) {
      h ^= (input[at] & 0xFFL) * PRIME_5;
      h = Long.rotateLeft(h, 11) * PRIME_1;
    }
    h ^= h >>> 33;
    h *= PRIME_2;
    h ^= h >>> 29;
    h *= PRIME_3;
    h ^= h >>> 32;
    return h;
  }

  private static long round(long accumulator, long lane) {
    return Long.rotateLeft(accumulator + lane * PRIME_2, 31) * PRIME_1;
  }

  private static long mergeRound(long h, long v) {
    return (h ^ round(0, v)) * PRIME_1 + PRIME_4;
  }

  private static long readLong(byte[] b, int at) {
    return (readInt(b, at) & 0xFFFFFFFFL) | ((long) readInt(b, at + 4) << 32);
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
  }
}
