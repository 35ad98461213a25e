package dev.vigil.scrape.textparse;

/**
 * Lexical tokens of the text formats. Error messages quote the constant names, which are the names
 * Prometheus 2.42's lexer tokens print as (e.g. {@code expected label value, got "INVALID"}).
 */
enum Token {
  INVALID,
  EOF,
  LINEBREAK,
  /** Spaces and tabs between 0.0.4 tokens; the 0.0.4 parser steps over it and never reports it. */
  WHITESPACE,
  HELP,
  TYPE,
  UNIT,
  EOFWORD,
  TEXT,
  COMMENT,
  MNAME,
  BOPEN,
  BCLOSE,
  LNAME,
  LVALUE,
  COMMA,
  EQUAL,
  TIMESTAMP,
  VALUE
}
