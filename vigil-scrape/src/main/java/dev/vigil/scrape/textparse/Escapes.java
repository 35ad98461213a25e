package dev.vigil.scrape.textparse;

import java.nio.charset.StandardCharsets;

/**
 * Decodes escaped label values and OpenMetrics help text as Prometheus 2.42 does: a Go
 * {@code strings.Replacer} of {@code \\}, {@code \"} and {@code \n}, applied left to right without
 * overlaps; any other backslash stays as it is. The 0.0.4 text format's help text has a replacer
 * without {@code \"}, so there a backslash before a quote stays.
 */
final class Escapes {
  private Escapes() {}

  /** Decodes bytes already checked to be valid UTF-8. */
  static String decode(byte[] b, int from, int to) {
    return decode(b, from, to, true);
  }

  /** Decodes 0.0.4 help text, already checked to be valid UTF-8: {@code \"} stays as it is. */
  static String decodeHelpText(byte[] b, int from, int to) {
    return decode(b, from, to, false);
  }

  private static String decode(byte[] b, int from, int to, boolean unescapeQuote) {
    int firstBackslash = indexOfBackslash(b, from, to);
    if (firstBackslash < 0) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[to - from];
    int n = firstBackslash - from;
    System.arraycopy(b, from, out, 0, n);
    int i = firstBackslash;
    while (i < to) {
      byte c = b[i];
      if (c == '\\' && i + 1 < to) {
        byte next = b[i + 1];
        if (next == '\\' || (next == '"' && unescapeQuote)) {
          out[n++] = next;
          i += 2;
          continue;
        }
        if (next == 'n') {
          out[n++] = '\n';
          i += 2;
          continue;
        }
      }
      out[n++] = c;
      i++;
    }
    // Only ASCII backslashes were dropped, so the bytes are still valid UTF-8.
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static int indexOfBackslash(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\\') {
        return i;
      }
    }
    return -1;
  }
}
