package dev.vigil.scrape.relabel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashmod action's number: Prometheus folds the MD5 of the value into 64 bits by shifting each
 * byte into place, and the first eight bytes shift out entirely, so what remains is the last eight
 * bytes read big-endian. The remainder is unsigned.
 */
final class HashMod {
  private HashMod() {}

  static String of(String value, long modulus) {
    byte[] digest = md5().digest(value.getBytes(StandardCharsets.UTF_8));
    long sum = 0;
    for (int i = 8; i < 16; i++) {
      sum = (sum << 8) | (digest[i] & 0xFF);
    }
    return Long.toUnsignedString(Long.remainderUnsigned(sum, modulus));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide MD5", e);
    }
  }
}
