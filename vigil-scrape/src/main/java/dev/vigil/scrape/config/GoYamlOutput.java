package dev.vigil.scrape.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The text libyaml's emitter is writing and its cursor: the column (in characters, not bytes), the
 * indent with the enclosing ones, and whether the last thing written was whitespace or indentation,
 * which decide where spaces and line breaks go.
 */
final class GoYamlOutput {
  static final int BEST_INDENT = 2;
  /** Lines are folded at a space once they pass this column. */
  static final int BEST_WIDTH = 80;

  private final StringBuilder text = new StringBuilder();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int indent = -1;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;

  int column() {
    return column;
  }

  boolean whitespace() {
    return whitespace;
  }

  void whitespace(boolean value) {
    whitespace = value;
  }

  boolean indention() {
    return indention;
  }

  void indention(boolean value) {
    indention = value;
  }

  /** Indents one step more, except for a block sequence directly under a mapping key; flow starts at 2. */
  void increaseIndent(boolean flow, boolean indentless) {
    indents.push(indent);
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  void popIndent() {
    indent = indents.pop();
  }

  void put(char c) {
    text.append(c);
    column++;
  }

  void putBreak() {
    text.append('\n');
    column = 0;
  }

  void write(int codePoint) {
    text.appendCodePoint(codePoint);
    column++;
  }

  /** A line break from a scalar: a newline is written as the output's break, others as they are. */
  void writeBreak(int codePoint) {
    if (codePoint == '\n') {
      putBreak();
    } else {
      write(codePoint);
      column = 0;
    }
  }

  /** Starts a new line unless the cursor is at the indent already, then pads to the indent. */
  void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      putBreak();
    }
    while (column < target) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    indicator.codePoints().forEach(this::write);
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
