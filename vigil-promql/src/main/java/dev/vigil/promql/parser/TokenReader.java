package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;

/**
 * The parser's view of the tokens: one token of lookahead, comments skipped, lexer errors raised the
 * moment the token is read (which is when Prometheus records them, and so decides which error comes
 * first), and the end of the last closing token, which Prometheus uses as the end of some nodes.
 */
final class TokenReader {
  private final QueryText query;
  private final Lexer lexer;
  private Token lookahead;
  private int lastClosing;

  TokenReader(QueryText query) {
    this.query = query;
    this.lexer = new Lexer(query);
  }

  Token peek() {
    if (lookahead == null) {
      lookahead = read();
    }
    return lookahead;
  }

  TokenType peekType() {
    return peek().type();
  }

  Token consume() {
    Token token = peek();
    lookahead = null;
    return token;
  }

  private Token read() {
    Token token = lexer.next();
    while (token.type() == TokenType.COMMENT) {
      token = lexer.next();
    }
    switch (token.type()) {
      case ERROR -> throw fail(new PositionRange(token.pos(), query.byteLength()), token.text());
      case RIGHT_BRACE, RIGHT_PAREN, RIGHT_BRACKET, DURATION, NUMBER -> lastClosing = token.end();
      default -> {
        // Other tokens do not close anything.
      }
    }
    return token;
  }

  /** The end of the last closing bracket, duration or number read, lookahead included. */
  int lastClosing() {
    return lastClosing;
  }

  QueryText query() {
    return query;
  }

  ParseException unexpected(Token token, SyntaxContext context) {
    return fail(token.range(), context.unexpected(token));
  }

  ParseException fail(PositionRange position, String message) {
    return new ParseException(ParseError.of(query, position, message));
  }
}
