package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;

/**
 * A token: its kind, its UTF-8 byte offset in the query (Prometheus counts positions in bytes) and
 * its text. For {@link TokenType#ERROR} the text is the lexer's error message.
 */
record Token(TokenType type, int pos, int byteLength, String text) {

  PositionRange range() {
    return new PositionRange(pos, pos + byteLength);
  }

  int end() {
    return pos + byteLength;
  }

  /** How an error message names this token, e.g. {@code <op:+>} or {@code identifier "foo"}. */
  String describe() {
    if (type == TokenType.AT) {
      // Prometheus has no display name for @, so it prints the grammar's number for the token kind.
      return "\"<Item 57385>\" <op:@>";
    }
    return switch (type.group()) {
      case END -> type.description();
      case OPERATOR -> "<op:" + text + ">";
      case AGGREGATOR -> "<aggr:" + text + ">";
      case KEYWORD -> "<" + text + ">";
      case PUNCTUATION -> quotedText();
      case DESCRIBED -> type.description() + " " + quotedText();
    };
  }

  /** Identifiers are quoted whole; other texts longer than ten bytes are cut to ten characters. */
  private String quotedText() {
    if (type == TokenType.IDENTIFIER || type == TokenType.METRIC_IDENTIFIER || byteLength <= 10) {
      return GoText.quote(text);
    }
    int cut = text.offsetByCodePoints(0, Math.min(10, text.codePointCount(0, text.length())));
    return GoText.quote(text.substring(0, cut)) + "...";
  }
}
