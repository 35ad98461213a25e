package dev.vigil.scrape.relabel;

/**
 * Go's {@code strings.ToLower} and {@code ToUpper}: each code point maps to one code point by the
 * simple Unicode case mapping. Java's String methods use full mappings instead ("ß" upper-cases to
 * "SS", "İ" lower-cases to two code points), which would give different label values.
 */
final class GoCase {
  private GoCase() {}

  static String lower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  static String upper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(Character.toUpperCase(c)));
    return out.toString();
  }
}
