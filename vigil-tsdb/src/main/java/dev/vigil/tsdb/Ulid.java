package dev.vigil.tsdb;

import java.security.SecureRandom;

/**
 * Universally unique lexicographically sortable identifiers, as block directories are named: 48 bits of
 * millisecond time and 80 random bits in 26 characters of Crockford base32.
 */
public final class Ulid {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ulid() {}

  public static String generate(long timeMillis) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    return encode(timeMillis, random);
  }

  static String encode(long timeMillis, byte[] random) {
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (timeMillis & 31)];
      timeMillis >>>= 5;
    }
    // 80 random bits become 16 characters of 5 bits each, most significant first.
    long hi = ((random[0] & 0xFFL) << 32) | ((random[1] & 0xFFL) << 24) | ((random[2] & 0xFFL) << 16)
        | ((random[3] & 0xFFL) << 8) | (random[4] & 0xFFL);
    long lo = ((random[5] & 0xFFL) << 32) | ((random[6] & 0xFFL) << 24) | ((random[7] & 0xFFL) << 16)
        | ((random[8] & 0xFFL) << 8) | (random[9] & 0xFFL);
    for (int i = 7; i >= 0; i--) {
      out[10 + i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
      out[18 + i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return new String(out);
  }

  /** Whether a directory name has the shape of a ULID. */
  public static boolean isValid(String s) {
    if (s.length() != 26 || s.charAt(0) > '7') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (new String(ALPHABET).indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The millisecond timestamp encoded in a valid ULID. */
  public static long timestamp(String ulid) {
    long t = 0;
    String alphabet = new String(ALPHABET);
    for (int i = 0; i < 10; i++) {
      t = (t << 5) | alphabet.indexOf(ulid.charAt(i));
    }
    return t;
  }
}
