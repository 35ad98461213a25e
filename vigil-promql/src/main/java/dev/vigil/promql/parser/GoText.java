package dev.vigil.promql.parser;

import dev.vigil.core.labels.GoQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The few Go formatting verbs that appear in Prometheus's parser messages and printed queries. */
final class GoText {
  /** What Go's UTF-8 decoder returns for a byte that does not start a valid character. */
  static final int RUNE_ERROR = 0xFFFD;

  private GoText() {}

  /** {@code %q} of a string. */
  static String quote(String s) {
    return GoQuote.quote(s);
  }

  /** {@code %q} of a rune: single quotes, with the escapes Go uses inside them. */
  static String quoteRune(int cp) {
    int rune = validRune(cp);
    if (rune == '\'') {
      return "'\\''";
    }
    if (rune == '"') {
      return "'\"'";
    }
    String inDoubleQuotes = GoQuote.quote(new String(Character.toChars(rune)));
    return "'" + inDoubleQuotes.substring(1, inDoubleQuotes.length() - 1) + "'";
  }

  /** {@code %#U} of a rune: {@code U+0063 'c'}, without the quoted form when Go cannot print it. */
  static String unicodeVerbose(int cp) {
    int rune = validRune(cp);
    String hex = String.format(Locale.ROOT, "U+%04X", rune);
    String text = new String(Character.toChars(rune));
    boolean printable = GoQuote.quote(text).equals("\"" + text + "\"") || rune == '"' || rune == '\\';
    return printable ? hex + " '" + text + "'" : hex;
  }

  /** {@code %f}: six decimals, {@code +Inf}, {@code -Inf} and {@code NaN} for the special values. */
  static String fixed6(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return fixed(v, 6);
  }

  /** {@code %.3f} of a finite value, rounded from its exact binary value as Go does. */
  static String fixed3(double v) {
    return fixed(v, 3);
  }

  private static String fixed(double v, int decimals) {
    String digits = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    boolean negativeZero = Double.doubleToRawLongBits(v) < 0 && !digits.startsWith("-");
    return negativeZero ? "-" + digits : digits;
  }

  /** Lone surrogates and end of input are shown as the replacement character, as Go shows bad runes. */
  private static int validRune(int cp) {
    if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp < 0xE000)) {
      return RUNE_ERROR;
    }
    return cp;
  }
}
