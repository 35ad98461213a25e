package dev.vigil.core.labels;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random strings for property tests, weighted towards the code point ranges where UTF-16 and UTF-8 disagree. */
final class RandomStrings {
  /** A few code points from each range, so random strings often share prefixes. */
  private static final int[] SMALL_ALPHABET = {
    'a', 'b', 'z', 'A', '_', '0', 0x7F, 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFB01, 0xFFFD, 0xFFFF,
    0x10000, 0x1F600, 0x10FFFF,
  };

  private RandomStrings() {}

  /** A string of 0..maxLength code points, from a small shared alphabet or from anywhere in Unicode. */
  static String string(Random r, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    boolean small = r.nextBoolean();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(small ? SMALL_ALPHABET[r.nextInt(SMALL_ALPHABET.length)] : codePoint(r));
    }
    return sb.toString();
  }

  /** A valid (non-surrogate) code point, drawn evenly from ASCII, two-byte, BMP and supplementary UTF-8 forms. */
  static int codePoint(Random r) {
    switch (r.nextInt(5)) {
      case 0:
        return r.nextInt(0x80);
      case 1:
        return 0x80 + r.nextInt(0x800 - 0x80);
      case 2:
        return 0x800 + r.nextInt(0xD800 - 0x800);
      case 3:
        return 0xE000 + r.nextInt(0x10000 - 0xE000);
      default:
        return 0x10000 + r.nextInt(0x110000 - 0x10000);
    }
  }

  /** The reference order: unsigned lexicographic comparison of the UTF-8 encodings. */
  static int compareUtf8(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(x[i] & 0xFF, y[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
