package dev.vigil.web.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The string escapes of Go's {@code encoding/json} (which Prometheus's API output follows): HTML-safe,
 * so {@code <}, {@code >} and {@code &} become six-character escapes (backslash, u, 003c); control
 * characters other than newline, carriage return and tab become such escapes in lower-case hex; and
 * U+2028 and U+2029 are escaped for JavaScript's sake. Jackson's defaults differ on all three points.
 */
final class GoJsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private static final String HEX = "0123456789abcdef";

  private final int[] asciiEscapes;

  GoJsonEscapes() {
    asciiEscapes = standardAsciiEscapesForJSON();
    for (int c = 0; c < 0x20; c++) {
      if (c != '\n' && c != '\r' && c != '\t') {
        asciiEscapes[c] = ESCAPE_CUSTOM;
      }
    }
    asciiEscapes['<'] = ESCAPE_CUSTOM;
    asciiEscapes['>'] = ESCAPE_CUSTOM;
    asciiEscapes['&'] = ESCAPE_CUSTOM;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
      return new SerializedString(unicodeEscape(ch));
    }
    return null;
  }

  private static String unicodeEscape(int ch) {
    return "\\u" + HEX.charAt(ch >> 12 & 0xf) + HEX.charAt(ch >> 8 & 0xf) + HEX.charAt(ch >> 4 & 0xf)
        + HEX.charAt(ch & 0xf);
  }
}
