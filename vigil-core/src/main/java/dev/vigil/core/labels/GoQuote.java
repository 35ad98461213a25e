package dev.vigil.core.labels;

/**
 * Quotes strings the way Go's {@code strconv.Quote} does, so that label sets print exactly as
 * Prometheus prints them: printable characters verbatim, the usual C escapes, and hexadecimal
 * escapes (backslash x, u or U) for everything else.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    appendQuoted(sb, s);
    return sb.toString();
  }

  public static void appendQuoted(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendRune(sb, cp);
    }
    sb.append('"');
  }

  private static void appendRune(StringBuilder sb, int cp) {
    if (cp == '"' || cp == '\\') {
      sb.append('\\').append((char) cp);
      return;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      sb.append((char) cp);
      return;
    }
    if (cp >= 0x80 && isGoPrintable(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 7: sb.append("\\a"); return;
      case '\b': sb.append("\\b"); return;
      case '\f': sb.append("\\f"); return;
      case '\n': sb.append("\\n"); return;
      case '\r': sb.append("\\r"); return;
      case '\t': sb.append("\\t"); return;
      case 11: sb.append("\\v"); return;
      default:
        break;
    }
    if (cp < 0x20 || cp == 0x7F) {
      sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
    } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
      // A lone surrogate cannot come from valid UTF-8; Go would see the replacement character.
      sb.append("\\ufffd");
    } else if (cp <= 0xFFFF) {
      sb.append("\\u");
      appendHex(sb, cp, 4);
    } else {
      sb.append("\\U");
      appendHex(sb, cp, 8);
    }
  }

  private static void appendHex(StringBuilder sb, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(v >> shift) & 0xF]);
    }
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  private static boolean isGoPrintable(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }
}
