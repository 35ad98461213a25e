package dev.vigil.scrape.config;

/**
 * Which styles yaml.v2's emitter (libyaml's, with unicode output on) allows for a scalar's text:
 * plain inside or outside flow collections, single-quoted, and block (literal); and whether the
 * text spans lines. Indicator characters, leading or trailing blanks, line breaks and unprintable
 * characters each rule some styles out.
 */
record GoYamlScalarAnalysis(
    boolean multiline,
    boolean flowPlainAllowed,
    boolean blockPlainAllowed,
    boolean singleQuotedAllowed,
    boolean blockAllowed) {

  private static final String ALWAYS_INDICATORS_FIRST = "#,[]{}&*!|>'\"%@`";
  private static final String FLOW_INDICATORS = ",?[]{}";

  static GoYamlScalarAnalysis of(int[] text) {
    if (text.length == 0) {
      return new GoYamlScalarAnalysis(false, false, true, true, false);
    }
    boolean flowIndicators = startsWithDocumentMarker(text);
    boolean blockIndicators = flowIndicators;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWhitespace = true;
    boolean previousSpace = false;
    boolean previousBreak = false;
    int last = text.length - 1;
    for (int i = 0; i < text.length; i++) {
      int c = text[i];
      boolean followedByWhitespace = i == last || isBlank(text[i + 1]);
      if (i == 0) {
        if (ALWAYS_INDICATORS_FIRST.indexOf(c) >= 0) {
          flowIndicators = true;
          blockIndicators = true;
        } else if (c == '?' || c == ':') {
          flowIndicators = true;
          blockIndicators |= followedByWhitespace;
        } else if (c == '-' && followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      } else if (FLOW_INDICATORS.indexOf(c) >= 0) {
        flowIndicators = true;
      } else if (c == ':') {
        flowIndicators = true;
        blockIndicators |= followedByWhitespace;
      } else if (c == '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
      specialCharacters |= !isPrintable(c);
      if (c == ' ') {
        leadingSpace |= i == 0;
        trailingSpace |= i == last;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        leadingBreak |= i == 0;
        trailingBreak |= i == last;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
    }
    boolean edgeWhitespace = leadingSpace || leadingBreak || trailingSpace || trailingBreak;
    boolean plain = !edgeWhitespace && !breakSpace && !spaceBreak && !specialCharacters && !lineBreaks;
    return new GoYamlScalarAnalysis(
        lineBreaks,
        plain && !flowIndicators,
        plain && !blockIndicators,
        !breakSpace && !spaceBreak && !specialCharacters,
        !trailingSpace && !spaceBreak && !specialCharacters);
  }

  private static boolean startsWithDocumentMarker(int[] text) {
    return text.length >= 3 && (text[0] == '-' || text[0] == '.') && text[1] == text[0] && text[2] == text[0];
  }

  /** Characters libyaml writes as they are; tabs, C0/C1 controls and characters beyond the BMP are not. */
  static boolean isPrintable(int c) {
    return c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }
}
