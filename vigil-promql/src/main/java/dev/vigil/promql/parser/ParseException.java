package dev.vigil.promql.parser;

import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.PromqlException;
import java.util.List;

/**
 * A query that does not parse or does not type-check. The message is the first error's text, as
 * Prometheus reports only its first error. Prometheus keeps parsing after a syntax error and may
 * collect more; Vigil stops at the first, so {@link #errors()} holds that one.
 */
public final class ParseException extends PromqlException {
  private static final long serialVersionUID = 1L;

  private final transient List<ParseError> errors;

  ParseException(ParseError error) {
    super(ErrorType.BAD_DATA, error.text());
    this.errors = List.of(error);
  }

  public List<ParseError> errors() {
    return errors;
  }
}
