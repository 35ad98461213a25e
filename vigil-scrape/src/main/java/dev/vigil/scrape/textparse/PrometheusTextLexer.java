package dev.vigil.scrape.textparse;

import java.util.function.IntPredicate;

/**
 * Splits Prometheus text format 0.0.4 into the tokens Prometheus 2.42's generated lexer
 * ({@code model/textparse/promlex.l}) produces, at the same byte positions, so that the parser accepts
 * and rejects exactly what 2.42 does. Its rules, per start condition (spaces and tabs are WHITESPACE
 * in every one of them):
 *
 * <pre>
 * INIT       NUL  ->  EOF;  \n  ->  LINEBREAK;  [a-zA-Z_:][a-zA-Z0-9_:]*  ->  MNAME (then VALUE)
 *            #[ \t]+  ->  (nothing yet; COMMENT);  # not followed by a blank  ->  COMMENT token
 * COMMENT    HELP[ \t]+ | TYPE[ \t]+  ->  HELP, TYPE (then META1);  anything else  ->  COMMENT token
 * META1      [a-zA-Z_:][a-zA-Z0-9_:]*  ->  MNAME (then META2)
 * META2      [^\n]*  ->  TEXT, possibly empty (then INIT)
 * VALUE      {  ->  BOPEN (then LABELS);  [^{ \t\n]+  ->  VALUE (then TIMESTAMP)
 * LABELS     [a-zA-Z_][a-zA-Z0-9_]*  ->  LNAME;  ,  ->  COMMA;  =  ->  EQUAL (then LVALUE);  }  ->  BCLOSE (then VALUE)
 * LVALUE     "(\\.|[^\\"])*"  ->  LVALUE (then LABELS); a raw newline is part of the value, "." is not one
 * TIMESTAMP  [0-9]+  ->  TIMESTAMP;  \n  ->  LINEBREAK (then INIT)
 * </pre>
 *
 * <p>Properties of 2.42's lexer kept on purpose: it never backtracks, so a partial match is INVALID at
 * the first byte that does not fit; a COMMENT token (the whole line from its {@code #}, without the
 * newline) is what is left whenever a {@code # } line turns out not to be HELP or TYPE. While in the
 * COMMENT, META2 or LVALUE condition it steps over NUL bytes (they stay in the token, also right after
 * the token's last byte); elsewhere a NUL ends a token, and at the start of a line it ends the input.
 * The input is read as if one newline followed it, as 2.42 appends one.
 */
final class PrometheusTextLexer {
  private static final int INIT = 0;
  private static final int COMMENT = 1;
  private static final int META1 = 2;
  private static final int META2 = 3;
  private static final int LABELS = 4;
  private static final int LVALUE = 5;
  private static final int VALUE = 6;
  private static final int TIMESTAMP = 7;

  /** What {@link #next} returns at the end; 2.42's lexer sees a NUL there too. */
  private static final int END = 0;

  static final boolean[] METRIC_NAME_BYTES = byteClass(c -> isMetricNameStart(c) || isDigit(c));
  static final boolean[] LABEL_NAME_BYTES = byteClass(c -> isLabelNameStart(c) || isDigit(c));
  static final boolean[] VALUE_BYTES = byteClass(PrometheusTextLexer::isValueByte);
  private static final boolean[] DIGITS = byteClass(PrometheusTextLexer::isDigit);
  static final boolean[] PLAIN_VALUE_BYTES = byteClass(c -> c != '"' && c != '\\' && c != '\n' && c != 0);

  private final byte[] b;
  /** How many bytes of {@link #b} are input. */
  private final int length;
  /** The input's length plus the newline read after it. */
  private final int limit;
  private int pos;
  private int start;
  private int state = INIT;
  /** Newlines stepped over so far, and the 1-based line the last token starts on. */
  private int newlines;
  private int tokenLine = 1;

  PrometheusTextLexer(byte[] input, int length) {
    this.b = input;
    this.length = length;
    this.limit = length + 1;
  }

  /** Start of the last token returned (unchanged when that was EOF at the end of the input). */
  int tokenStart() {
    return start;
  }

  /** End (exclusive) of the last token; where the next one starts. */
  int tokenEnd() {
    return pos;
  }

  /** The 1-based line the last token starts on. */
  int tokenLine() {
    return tokenLine;
  }

  /** Whether the next token starts a line: where the parser may read a whole line itself. */
  boolean atLineStart() {
    return state == INIT && pos < limit;
  }

  /** The 1-based line the next token starts on. */
  int nextLine() {
    return newlines + 1;
  }

  /**
   * Moves past a line the parser read itself, whose newline (or the input's end) is at {@code newline},
   * as lexing it token by token would have: the next token starts the next line.
   */
  void skipLine(int newline) {
    tokenLine = newlines + 1;
    newlines++;
    start = newline;
    pos = newline + 1;
    state = INIT;
  }

  /** The next token other than WHITESPACE, as 2.42's parser asks for them. */
  Token lexSkippingWhitespace() {
    Token t;
    do {
      t = lex();
    } while (t == Token.WHITESPACE);
    return t;
  }

  Token lex() {
    if (pos >= limit) {
      return Token.EOF;
    }
    start = pos;
    tokenLine = newlines + 1;
    int c = at(pos);
    switch (state) {
      case INIT:
        return lexInit(c);
      case COMMENT:
        return lexComment(c);
      case META1:
        if (isBlank(c)) {
          return whitespace();
        }
        return isMetricNameStart(c) ? metricName(META2) : Token.INVALID;
      case META2:
        return lexText(c);
      case LABELS:
        return lexLabels(c);
      case LVALUE:
        if (isBlank(c)) {
          return whitespace();
        }
        return c == '"' ? lexLabelValue() : Token.INVALID;
      case VALUE:
        return lexValue(c);
      case TIMESTAMP:
        return lexTimestamp(c);
      default:
        throw new IllegalStateException("lexer state " + state);
    }
  }

  /** The byte at {@code i}, the appended newline at the input's length. */
  int at(int i) {
    return i < length ? b[i] & 0xFF : '\n';
  }

  /**
   * Steps to the next byte and returns it, or {@link #END} past the last one. In the COMMENT, META2 and
   * LVALUE conditions it steps over NUL bytes first, as 2.42 does.
   */
  private int next() {
    pos++;
    if (pos >= limit) {
      return END;
    }
    if (state == COMMENT || state == META2 || state == LVALUE) {
      // The appended newline ends every run of NULs, so this stays inside the input.
      while (at(pos) == 0) {
        pos++;
      }
    }
    return at(pos);
  }

  private Token lexInit(int c) {
    switch (c) {
      case '#':
        c = next();
        if (!isBlank(c)) {
          return restOfComment(c);
        }
        while (isBlank(c)) {
          c = next();
        }
        // 2.42 goes on in the same token: it is HELP, TYPE or, failing those, a comment line.
        state = COMMENT;
        return lexComment(c);
      case '\n':
        return lineBreak();
      case 0:
        next();
        return Token.EOF;
      default:
        if (isBlank(c)) {
          return whitespace();
        }
        return isMetricNameStart(c) ? metricName(VALUE) : Token.INVALID;
    }
  }

  /** After {@code #} and blanks: HELP or TYPE and blanks, else the line is a comment. */
  private Token lexComment(int c) {
    if (isBlank(c)) {
      return whitespace();
    }
    Token keyword = c == 'H' ? Token.HELP : c == 'T' ? Token.TYPE : null;
    if (keyword == null) {
      return restOfComment(c);
    }
    String name = keyword.name();
    for (int i = 1; i < name.length(); i++) {
      c = next();
      if (c != name.charAt(i)) {
        return restOfComment(c);
      }
    }
    c = next();
    if (!isBlank(c)) {
      return restOfComment(c);
    }
    while (isBlank(next())) {
      // The blanks after the keyword belong to it.
    }
    state = META1;
    return keyword;
  }

  /** 2.42's fallback for a comment line: everything up to the newline, or EOF at a NUL it meets. */
  private Token restOfComment(int c) {
    while (true) {
      if (c == 0) {
        return Token.EOF;
      }
      if (c == '\n') {
        state = INIT;
        return Token.COMMENT;
      }
      c = next();
    }
  }

  /** Help or type text: the rest of the line, separator included; empty at a newline or NUL. */
  private Token lexText(int c) {
    if (isBlank(c)) {
      do {
        c = next();
      } while (isBlank(c));
      if (c == '\n' || c == END) {
        // Only blanks before the newline: they are whitespace, and the text after them is empty.
        return Token.WHITESPACE;
      }
    }
    while (c != '\n' && c != END) {
      c = next();
    }
    state = INIT;
    return Token.TEXT;
  }

  private Token lexLabels(int c) {
    switch (c) {
      case ',':
        next();
        return Token.COMMA;
      case '=':
        next();
        state = LVALUE;
        return Token.EQUAL;
      case '}':
        next();
        state = VALUE;
        return Token.BCLOSE;
      default:
        if (isBlank(c)) {
          return whitespace();
        }
        if (!isLabelNameStart(c)) {
          return Token.INVALID;
        }
        skip(LABEL_NAME_BYTES);
        return Token.LNAME;
    }
  }

  /** A double-quoted value, the opening quote under the cursor. */
  private Token lexLabelValue() {
    // Bytes other than a quote, backslash, newline or NUL need no care: pass them in one sweep.
    pos = skipFrom(pos + 1, PLAIN_VALUE_BYTES) - 1;
    while (true) {
      int c = next();
      if (c == '"') {
        next();
        state = LABELS;
        return Token.LVALUE;
      }
      if (c == '\\') {
        c = next();
        if (c == '\n' || c == END) {
          return Token.INVALID;
        }
      } else if (c == END) {
        return Token.INVALID;
      } else if (c == '\n') {
        newlines++;
      }
    }
  }

  private Token lexValue(int c) {
    if (c == '{') {
      next();
      state = LABELS;
      return Token.BOPEN;
    }
    if (isBlank(c)) {
      return whitespace();
    }
    if (!isValueByte(c)) {
      return Token.INVALID;
    }
    // The value runs to the next blank, newline, brace or NUL.
    skip(VALUE_BYTES);
    state = TIMESTAMP;
    return Token.VALUE;
  }

  private Token lexTimestamp(int c) {
    if (c == '\n') {
      return lineBreak();
    }
    if (isBlank(c)) {
      return whitespace();
    }
    if (!isDigit(c)) {
      return Token.INVALID;
    }
    // Only digits: 2.42 has no sign or fraction in a 0.0.4 timestamp.
    skip(DIGITS);
    return Token.TIMESTAMP;
  }

  private Token metricName(int nextState) {
    skip(METRIC_NAME_BYTES);
    state = nextState;
    return Token.MNAME;
  }

  private Token whitespace() {
    while (isBlank(next())) {
      // Spaces and tabs run together into one token.
    }
    return Token.WHITESPACE;
  }

  private Token lineBreak() {
    newlines++;
    next();
    state = INIT;
    return Token.LINEBREAK;
  }

  /**
   * Steps past the byte under the cursor and every following one of {@code byteClass}, as a loop of
   * {@link #next()} would, but only in a state where {@code next()} skips no NULs.
   */
  private void skip(boolean[] byteClass) {
    pos = skipFrom(pos + 1, byteClass);
  }

  /** The first position from {@code p} on whose byte is not of {@code byteClass}; at most the input's length. */
  int skipFrom(int p, boolean[] byteClass) {
    while (p < length && byteClass[b[p] & 0xFF]) {
      p++;
    }
    return p;
  }

  private static boolean[] byteClass(IntPredicate member) {
    boolean[] table = new boolean[256];
    for (int c = 0; c < 256; c++) {
      table[c] = member.test(c);
    }
    return table;
  }

  static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  static boolean isMetricNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  static boolean isLabelNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isValueByte(int c) {
    return c != ' ' && c != '\t' && c != '\n' && c != '{' && c != 0;
  }
}
