package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;

/**
 * One error found while parsing a query: where it is (UTF-8 byte offsets), what is wrong, and the
 * full text Prometheus prints for it, such as {@code 1:5: parse error: unexpected <EOF>}.
 */
public record ParseError(PositionRange position, String message, String text) {

  static ParseError of(QueryText query, PositionRange position, String message) {
    return new ParseError(position, message, query.lineAndColumn(position.start()) + " parse error: " + message);
  }
}
