package dev.vigil.promql.parser;

import java.util.Arrays;

/**
 * A query with the UTF-8 byte offset of each of its characters, since Prometheus reports positions in
 * bytes. A lone surrogate counts as one byte, like the single invalid byte Go would have read.
 */
final class QueryText {
  private final String text;
  private final int[] byteOffsets;

  QueryText(String text) {
    this.text = text;
    this.byteOffsets = new int[text.length() + 1];
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      byteOffsets[i] = bytes;
      bytes += utf8Length(text, i);
    }
    byteOffsets[text.length()] = bytes;
  }

  private static int utf8Length(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    // A surrogate pair is four bytes, all counted on its second half so that both halves start there.
    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      return 0;
    }
    if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
      return 4;
    }
    return Character.isSurrogate(c) ? 1 : 3;
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  int byteLength() {
    return byteOffsets[text.length()];
  }

  int byteOffset(int charIndex) {
    return byteOffsets[charIndex];
  }

  /** The index of the character that starts at a byte offset, or of the one containing it. */
  int charIndex(int byteOffset) {
    int found = Arrays.binarySearch(byteOffsets, byteOffset);
    if (found >= 0) {
      while (found > 0 && byteOffsets[found - 1] == byteOffset) {
        found--;
      }
      return found;
    }
    return -found - 2;
  }

  /** The character at a byte offset, for the few checks Prometheus makes on raw bytes. */
  char charAtByte(int byteOffset) {
    return text.charAt(charIndex(byteOffset));
  }

  /** {@code line:col:} of a byte offset as Prometheus prints it, or {@code invalid position:}. */
  String lineAndColumn(int byteOffset) {
    if (byteOffset < 0 || byteOffset > byteLength()) {
      return "invalid position:";
    }
    int line = 1;
    int lastLineBreak = -1;
    int end = charIndex(byteOffset);
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lastLineBreak = byteOffsets[i];
      }
    }
    return line + ":" + (byteOffset - lastLineBreak) + ":";
  }
}
