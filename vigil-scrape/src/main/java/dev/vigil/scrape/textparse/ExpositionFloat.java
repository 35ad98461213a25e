package dev.vigil.scrape.textparse;

import dev.vigil.core.model.GoFloat;

/**
 * 2.42's textparse {@code parseFloat}, which both exposition parsers use for sample values (and
 * OpenMetrics for its timestamps): {@code p}, {@code P} and {@code _} are refused ("pre-Go 1.13 float
 * formats") in words that do not name the value, then {@code strconv.ParseFloat} reads the rest and,
 * failing, quotes the raw bytes.
 */
final class ExpositionFloat {
  private ExpositionFloat() {}

  /**
   * The float spelled by {@code input[from, to)}.
   *
   * @throws NumberFormatException with 2.42's words
   */
  static double parse(byte[] input, int from, int to) {
    try {
      return GoFloat.parse(input, from, to - from);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(reason(input, from, to, e.getMessage()));
    }
  }

  /** GoFloat refuses every p, P and _ as well, so only its failures need a second look, off the hot path. */
  private static String reason(byte[] input, int from, int to, String goFloatReason) {
    for (int i = from; i < to; i++) {
      if (input[i] == 'p' || input[i] == 'P' || input[i] == '_') {
        return "unsupported character in float";
      }
    }
    if (!Utf8.isValid(input, from, to)) {
      // GoFloat quotes the text Java decoded, where a bad byte became U+FFFD; Go shows the byte (\xNN).
      return "strconv.ParseFloat: parsing " + Utf8.goQuote(input, from, to) + ": invalid syntax";
    }
    return goFloatReason;
  }
}
