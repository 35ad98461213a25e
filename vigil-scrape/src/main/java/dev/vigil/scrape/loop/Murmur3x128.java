package dev.vigil.scrape.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3's x64 128-bit variant (Austin Appleby's public-domain algorithm), written from its
 * description: 16-byte blocks read little-endian, the tail, then the finalizer. The seed starts both
 * halves, as the reference's 32-bit seed does; a 64-bit one is the same algorithm with more seeds.
 * The two halves of the last hash are read with {@link #first()} and {@link #second()}. Not
 * thread-safe: one per user.
 */
final class Murmur3x128 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long seed;
  private long first;
  private long second;

  Murmur3x128(long seed) {
    this.seed = seed;
  }

  /** Hashes {@code bytes[from, to)}. */
  void hash(byte[] bytes, int from, int to) {
    long h1 = seed;
    long h2 = seed;
    int at = from;
    for (int blocksEnd = to - 16; at <= blocksEnd; at += 16) {
      h1 ^= mixK1((long) LONG_LE.get(bytes, at));
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2((long) LONG_LE.get(bytes, at + 8));
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = to - at;
    if (tail > 8) {
      h2 ^= mixK2(littleEndian(bytes, at + 8, tail - 8));
    }
    if (tail > 0) {
      h1 ^= mixK1(littleEndian(bytes, at, Math.min(tail, 8)));
    }
    long length = to - from;
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    first = h1;
    second = h2;
  }

  /** The first 64 bits of the last hash (the reference's first output word). */
  long first() {
    return first;
  }

  /** The second 64 bits of the last hash. */
  long second() {
    return second;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  /** The {@code count} (1 to 8) bytes from {@code at} as a little-endian number. */
  private static long littleEndian(byte[] bytes, int at, int count) {
    if (at + 8 <= bytes.length) {
      // One read, the bytes past the range masked off: a series text is followed by its value.
      long word = (long) LONG_LE.get(bytes, at);
      return count == 8 ? word : word & ((1L << (count << 3)) - 1);
    }
    long value = 0;
    for (int i = count - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[at + i] & 0xFF);
    }
    return value;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
