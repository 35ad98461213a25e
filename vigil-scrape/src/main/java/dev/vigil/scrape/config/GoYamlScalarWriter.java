package dev.vigil.scrape.config;

/**
 * Writes a scalar in the style the emitter chose, as libyaml does: plain and quoted scalars fold at a
 * single space past the line width (never in a key), single quotes double a quote, double quotes use
 * YAML's escapes, and a literal block states its indentation when it starts with a space or break and
 * its chomping from its trailing breaks.
 */
final class GoYamlScalarWriter {
  private final GoYamlOutput out;

  GoYamlScalarWriter(GoYamlOutput out) {
    this.out = out;
  }

  /** Plain text never holds a line break: the analysis rules plain style out for it. */
  void plain(int[] text, boolean allowBreaks) {
    if (!out.whitespace()) {
      out.put(' ');
    }
    boolean spaces = false;
    for (int i = 0; i < text.length; i++) {
      int c = text[i];
      if (c == ' ' && allowBreaks && !spaces && out.column() > GoYamlOutput.BEST_WIDTH && !isSpaceAt(text, i + 1)) {
        out.writeIndent();
      } else {
        out.write(c);
      }
      spaces = c == ' ';
    }
    out.whitespace(false);
    out.indention(false);
  }

  void singleQuoted(int[] text, boolean allowBreaks) {
    out.writeIndicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < text.length; i++) {
      int c = text[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && out.column() > GoYamlOutput.BEST_WIDTH && i > 0 && i < text.length - 1
            && !isSpaceAt(text, i + 1)) {
          out.writeIndent();
        } else {
          out.write(c);
        }
        spaces = true;
      } else if (GoYamlScalarAnalysis.isBreak(c)) {
        if (!breaks && c == '\n') {
          out.putBreak();
        }
        out.writeBreak(c);
        out.indention(true);
        breaks = true;
      } else {
        if (breaks) {
          out.writeIndent();
        }
        if (c == '\'') {
          out.put('\'');
        }
        out.write(c);
        out.indention(false);
        spaces = false;
        breaks = false;
      }
    }
    out.writeIndicator("'", false, false, false);
    out.whitespace(false);
    out.indention(false);
  }

  void doubleQuoted(int[] text, boolean allowBreaks) {
    out.writeIndicator("\"", true, false, false);
    // libyaml checks for a byte order mark at the start of the text, not at each character.
    boolean startsWithBom = text.length > 0 && text[0] == 0xFEFF;
    boolean spaces = false;
    for (int i = 0; i < text.length; i++) {
      int c = text[i];
      if (!GoYamlScalarAnalysis.isPrintable(c) || startsWithBom || GoYamlScalarAnalysis.isBreak(c)
          || c == '"' || c == '\\') {
        escape(c);
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && out.column() > GoYamlOutput.BEST_WIDTH && i > 0 && i < text.length - 1) {
          out.writeIndent();
          if (isSpaceAt(text, i + 1)) {
            out.put('\\');
          }
        } else {
          out.write(c);
        }
        spaces = true;
      } else {
        out.write(c);
        spaces = false;
      }
    }
    out.writeIndicator("\"", false, false, false);
    out.whitespace(false);
    out.indention(false);
  }

  private void escape(int c) {
    out.put('\\');
    char named = namedEscape(c);
    if (named != 0) {
      out.put(named);
      return;
    }
    int digits;
    if (c <= 0xFF) {
      out.put('x');
      digits = 2;
    } else if (c <= 0xFFFF) {
      out.put('u');
      digits = 4;
    } else {
      out.put('U');
      digits = 8;
    }
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.put(Character.toUpperCase(Character.forDigit((c >> shift) & 0xF, 16)));
    }
  }

  /** YAML's one-letter escape for a character, or 0 when it has none and is escaped by its code. */
  private static char namedEscape(int c) {
    return switch (c) {
      case 0x00 -> '0';
      case 0x07 -> 'a';
      case 0x08 -> 'b';
      case 0x09 -> 't';
      case 0x0A -> 'n';
      case 0x0B -> 'v';
      case 0x0C -> 'f';
      case 0x0D -> 'r';
      case 0x1B -> 'e';
      case '"' -> '"';
      case '\\' -> '\\';
      case 0x85 -> 'N';
      case 0xA0 -> '_';
      case 0x2028 -> 'L';
      case 0x2029 -> 'P';
      default -> 0;
    };
  }

  void literal(int[] text) {
    out.writeIndicator("|", true, false, false);
    blockScalarHints(text);
    out.putBreak();
    out.indention(true);
    out.whitespace(true);
    boolean breaks = true;
    for (int c : text) {
      if (GoYamlScalarAnalysis.isBreak(c)) {
        out.writeBreak(c);
        out.indention(true);
        breaks = true;
      } else {
        if (breaks) {
          out.writeIndent();
        }
        out.write(c);
        out.indention(false);
        breaks = false;
      }
    }
  }

  /** The indentation indicator when the text starts blank, and "-" (strip) or "+" (keep) for its end. */
  private void blockScalarHints(int[] text) {
    if (text[0] == ' ' || GoYamlScalarAnalysis.isBreak(text[0])) {
      out.writeIndicator(Integer.toString(GoYamlOutput.BEST_INDENT), false, false, false);
    }
    int last = text.length - 1;
    String chomp = "";
    if (!GoYamlScalarAnalysis.isBreak(text[last])) {
      chomp = "-";
    } else if (last == 0 || GoYamlScalarAnalysis.isBreak(text[last - 1])) {
      chomp = "+";
    }
    if (!chomp.isEmpty()) {
      out.writeIndicator(chomp, false, false, false);
    }
  }

  private static boolean isSpaceAt(int[] text, int i) {
    return i < text.length && text[i] == ' ';
  }
}
