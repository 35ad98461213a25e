package dev.vigil.scrape.textparse;

/**
 * Lexical tokens of the text formats. Error messages quote the constant names, which are the names
 * Prometheus 2.42's lexer tokens print as (e.g. {@code expected label value, got "INVALID"}).
 */
enum Token {
  INVALID,
  EOF,
  LINEBREAK,
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
