package dev.vigil.scrape.textparse;

import dev.vigil.core.labels.GoQuote;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 checks over raw bytes with Go's rules ({@code utf8.Valid}): no overlong forms, no surrogates,
 * nothing above U+10FFFF. Checking first and decoding afterwards matters because Java's decoder
 * silently replaces bad bytes with U+FFFD where Prometheus rejects the input.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      if (b[i] >= 0) {
        i++;
      } else {
        int n = sequenceLength(b, i, to);
        if (n == 0) {
          return false;
        }
        i += n;
      }
    }
    return true;
  }

  /** Go's {@code %q} of raw bytes: valid runes quoted as strconv.Quote does, other bytes as \xNN. */
  static String goQuote(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from + 2).append('"');
    int i = from;
    while (i < to) {
      int n = b[i] >= 0 ? 1 : sequenceLength(b, i, to);
      if (n == 0) {
        sb.append("\\x").append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        i++;
      } else {
        String quoted = GoQuote.quote(new String(b, i, n, StandardCharsets.UTF_8));
        sb.append(quoted, 1, quoted.length() - 1);
        i += n;
      }
    }
    return sb.append('"').toString();
  }

  /** Length of the valid multi-byte sequence starting at {@code i}, or 0 when it is not valid. */
  private static int sequenceLength(byte[] b, int i, int to) {
    int lead = b[i] & 0xFF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      return continuation(b, i + 1, to, 0x80, 0xBF) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      // E0 excludes overlong forms, ED excludes the UTF-16 surrogates.
      int low = lead == 0xE0 ? 0xA0 : 0x80;
      int high = lead == 0xED ? 0x9F : 0xBF;
      return continuation(b, i + 1, to, low, high) && continuation(b, i + 2, to, 0x80, 0xBF) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      // F0 excludes overlong forms, F4 stops at U+10FFFF.
      int low = lead == 0xF0 ? 0x90 : 0x80;
      int high = lead == 0xF4 ? 0x8F : 0xBF;
      return continuation(b, i + 1, to, low, high)
              && continuation(b, i + 2, to, 0x80, 0xBF)
              && continuation(b, i + 3, to, 0x80, 0xBF)
          ? 4
          : 0;
    }
    return 0;
  }

  private static boolean continuation(byte[] b, int i, int to, int low, int high) {
    if (i >= to) {
      return false;
    }
    int c = b[i] & 0xFF;
    return c >= low && c <= high;
  }
}
