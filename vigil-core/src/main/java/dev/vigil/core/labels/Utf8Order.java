package dev.vigil.core.labels;

/**
 * Compares Java strings in the order of their UTF-8 bytes, which is the order Prometheus (Go) sorts
 * strings in. Plain {@link String#compareTo} differs for characters outside the Basic Multilingual
 * Plane, which UTF-16 stores as surrogates that sort below U+E000..U+FFFF.
 */
public final class Utf8Order {
  private Utf8Order() {}

  public static int compare(String a, String b) {
    if (a == b) {
      return 0;
    }
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char c1 = a.charAt(i);
      char c2 = b.charAt(i);
      if (c1 != c2) {
        if (c1 >= 0xD800 && c2 >= 0xD800) {
          return codePointOrder(c1) - codePointOrder(c2);
        }
        return c1 - c2;
      }
    }
    return a.length() - b.length();
  }

  /** Moves surrogates above U+E000..U+FFFF so that UTF-16 units compare like code points. */
  private static int codePointOrder(char c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
