package dev.vigil.web.api;

import dev.vigil.core.labels.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code application/x-www-form-urlencoded} text as Go's {@code url.ParseQuery} does: pairs
 * split on {@code &}, a pair holding {@code ;} or a bad percent escape is skipped and reported,
 * {@code +} reads as a space, and a name without {@code =} has the empty value.
 */
final class FormDecoder {
  private FormDecoder() {}

  static void decodeInto(String form, Params params) {
    if (form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&", -1)) {
      decodePair(pair, params);
    }
  }

  private static void decodePair(String pair, Params params) {
    if (pair.indexOf(';') >= 0) {
      params.recordError("invalid semicolon separator in query");
      return;
    }
    if (pair.isEmpty()) {
      return;
    }
    int eq = pair.indexOf('=');
    String name = eq < 0 ? pair : pair.substring(0, eq);
    String value = eq < 0 ? "" : pair.substring(eq + 1);
    try {
      params.add(unescape(name), unescape(value));
    } catch (IllegalArgumentException e) {
      params.recordError(e.getMessage());
    }
  }

  /** Percent-decodes one name or value; the bytes are read as UTF-8. */
  static String unescape(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        int hi = i + 1 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
        int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
        if (hi < 0 || lo < 0) {
          String bad = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
          throw new IllegalArgumentException("invalid URL escape " + GoQuote.quote(bad));
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
