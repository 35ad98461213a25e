package dev.vigil.scrape.loop;

import java.nio.charset.StandardCharsets;

/** Go's {@code hash/fnv} 64-bit FNV-1a, which Prometheus 2.42 uses for target hashes and the jitter seed. */
final class Fnv1a64 {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Fnv1a64() {}

  /** The hash of the UTF-8 bytes of {@code parts} written one after the other. */
  static long hash(String... parts) {
    long h = OFFSET_BASIS;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xFF;
        h *= PRIME;
      }
    }
    return h;
  }
}
