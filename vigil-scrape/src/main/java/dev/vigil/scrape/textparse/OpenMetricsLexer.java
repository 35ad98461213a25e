package dev.vigil.scrape.textparse;

/**
 * Splits OpenMetrics text into the tokens Prometheus 2.42's generated lexer
 * ({@code model/textparse/openmetricslex.l}) produces, at the same byte positions, so that the parser
 * accepts and rejects exactly what 2.42 does. Its rules, per start condition:
 *
 * <pre>
 * INIT            "# " then HELP␠ | TYPE␠ | UNIT␠ | EOF\n?  ->  HELP, TYPE, UNIT, EOFWORD
 *                 [a-zA-Z_:][a-zA-Z0-9_:]*                  ->  MNAME (then VALUE)
 * META_NAME       [a-zA-Z_:][a-zA-Z0-9_:]*                  ->  MNAME (then META_TEXT)
 * META_TEXT       ␠[^\n]*\n                                 ->  TEXT (then INIT)
 * VALUE           {  ->  BOPEN (then LABELS);  ␠[^␠\n]+  ->  VALUE (then TIMESTAMP)
 * LABELS          [a-zA-Z_][a-zA-Z0-9_]*  ->  LNAME;  ,  ->  COMMA;  =  ->  EQUAL (then LABEL_VALUE);
 *                 }  ->  BCLOSE (then VALUE)
 * LABEL_VALUE     "(\\.|[^\\"\n])*"  ->  LVALUE (then LABELS)
 * TIMESTAMP       ␠[^␠\n]+  ->  TIMESTAMP;  \n  ->  LINEBREAK (then INIT);  ␠#␠{  ->  COMMENT (then EXEMPLAR)
 * EXEMPLAR        as LABELS, but = and } lead to EXEMPLAR_VALUE
 * EXEMPLAR_VALUE  "..."  ->  LVALUE (then EXEMPLAR);  ␠[^␠\n]+  ->  VALUE (then EXEMPLAR_TIMESTAMP)
 * EXEMPLAR_TIMESTAMP  ␠[^␠\n]+  ->  TIMESTAMP;  \n  ->  LINEBREAK (then INIT)
 * </pre>
 *
 * <p>Two properties of 2.42's lexer are kept on purpose. It never backtracks: a partial match (say
 * {@code "# HELX"}) is INVALID at the first byte that does not fit. And while it reads a label value,
 * help text or the keyword after {@code "# "}, it steps over NUL bytes (they stay in the token), also
 * over NULs right after the token's last byte, which then belong to the token too.
 *
 * <p>The lexer reads the bytes {@code [0, limit)} of its buffer and sees the end of the input at
 * {@code limit}. A streaming parser hands it a window of whole lines with {@link #window}; the lexer
 * itself never reads anything but that window.
 */
final class OpenMetricsLexer {
  private static final int INIT = 0;
  private static final int META_NAME = 1;
  private static final int META_TEXT = 2;
  private static final int LABELS = 3;
  private static final int LABEL_VALUE = 4;
  private static final int VALUE = 5;
  private static final int TIMESTAMP = 6;
  private static final int EXEMPLAR = 7;
  private static final int EXEMPLAR_VALUE = 8;
  private static final int EXEMPLAR_TIMESTAMP = 9;

  /** What {@link #next} returns past the last byte; no character class contains it. */
  private static final int END = -1;

  private byte[] b;
  private int limit;
  private int pos;
  private int start;
  private int state = INIT;

  OpenMetricsLexer(byte[] input, int length) {
    this.b = input;
    this.limit = length;
  }

  /**
   * Continues on the bytes {@code [0, limit)} of {@code buffer}, the next token starting at {@code pos}.
   * Only valid between tokens in the INIT state, where no token state is carried.
   */
  void window(byte[] buffer, int limit, int pos) {
    this.b = buffer;
    this.limit = limit;
    this.pos = pos;
    this.start = pos;
  }

  /** Start of the last token returned (unchanged when that was EOF). */
  int tokenStart() {
    return start;
  }

  /** End (exclusive) of the last token; where the next one starts. */
  int tokenEnd() {
    return pos;
  }

  /** The byte the lexer stopped at, or a space at the end, for 2.42's "not a valid start token" message. */
  int currentByteOrSpace() {
    return pos < limit ? b[pos] & 0xFF : ' ';
  }

  Token lex() {
    if (pos >= limit) {
      return Token.EOF;
    }
    start = pos;
    int c = b[pos] & 0xFF;
    switch (state) {
      case INIT:
        return lexInit(c);
      case META_NAME:
        return lexMetricName(c, META_TEXT);
      case META_TEXT:
        return lexText(c);
      case LABELS:
        return lexLabels(c, LABEL_VALUE, VALUE);
      case LABEL_VALUE:
        return c == '"' ? lexQuoted(true, LABELS) : Token.INVALID;
      case VALUE:
        if (c == '{') {
          next(false);
          state = LABELS;
          return Token.BOPEN;
        }
        return lexSpacedField(c, Token.VALUE, TIMESTAMP);
      case TIMESTAMP:
        return lexTimestamp(c);
      case EXEMPLAR:
        return lexLabels(c, EXEMPLAR_VALUE, EXEMPLAR_VALUE);
      case EXEMPLAR_VALUE:
        return c == '"' ? lexQuoted(false, EXEMPLAR) : lexSpacedField(c, Token.VALUE, EXEMPLAR_TIMESTAMP);
      case EXEMPLAR_TIMESTAMP:
        if (c == '\n') {
          return lineBreak();
        }
        return lexSpacedField(c, Token.TIMESTAMP, EXEMPLAR_TIMESTAMP);
      default:
        throw new IllegalStateException("lexer state " + state);
    }
  }

  /**
   * Steps to the next byte and returns it, or {@link #END}. With {@code skipNul} it steps over NUL
   * bytes first, as 2.42 does in the label value, help text and comment keyword states.
   */
  private int next(boolean skipNul) {
    pos++;
    if (skipNul) {
      while (pos < limit && b[pos] == 0) {
        pos++;
      }
    }
    return pos < limit ? b[pos] & 0xFF : END;
  }

  private Token lexInit(int c) {
    if (c == '#') {
      if (next(false) != ' ') {
        return Token.INVALID;
      }
      return lexKeyword(next(false));
    }
    return lexMetricName(c, VALUE);
  }

  /** After "# ": one of the keywords; anything else (a plain comment) is invalid in 2.42. */
  private Token lexKeyword(int c) {
    switch (c) {
      case 'E':
        if (!expect("OF")) {
          return Token.INVALID;
        }
        if (next(true) == '\n') {
          next(true);
        }
        state = INIT;
        return Token.EOFWORD;
      case 'H':
        return keyword("ELP ", Token.HELP);
      case 'T':
        return keyword("YPE ", Token.TYPE);
      case 'U':
        return keyword("NIT ", Token.UNIT);
      default:
        return Token.INVALID;
    }
  }

  private Token keyword(String rest, Token token) {
    if (!expect(rest)) {
      return Token.INVALID;
    }
    next(true);
    state = META_NAME;
    return token;
  }

  private boolean expect(String rest) {
    for (int i = 0; i < rest.length(); i++) {
      if (next(true) != rest.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private Token lexMetricName(int c, int nextState) {
    if (!isMetricNameStart(c)) {
      return Token.INVALID;
    }
    do {
      c = next(false);
    } while (isMetricNameStart(c) || isDigit(c));
    state = nextState;
    return Token.MNAME;
  }

  private Token lexText(int c) {
    if (c != ' ') {
      return Token.INVALID;
    }
    while (true) {
      c = next(true);
      if (c == '\n') {
        next(true);
        state = INIT;
        return Token.TEXT;
      }
      if (c == END) {
        return Token.INVALID;
      }
    }
  }

  private Token lexLabels(int c, int afterEqual, int afterClose) {
    switch (c) {
      case ',':
        next(false);
        return Token.COMMA;
      case '=':
        next(false);
        state = afterEqual;
        return Token.EQUAL;
      case '}':
        next(false);
        state = afterClose;
        return Token.BCLOSE;
      default:
        if (!isLabelNameStart(c)) {
          return Token.INVALID;
        }
        do {
          c = next(false);
        } while (isLabelNameStart(c) || isDigit(c));
        return Token.LNAME;
    }
  }

  /** A double-quoted value, the opening quote under the cursor; backslash escapes any byte but a newline. */
  private Token lexQuoted(boolean skipNul, int nextState) {
    while (true) {
      int c = next(skipNul);
      if (c == '"') {
        next(skipNul);
        state = nextState;
        return Token.LVALUE;
      }
      if (c == '\\') {
        c = next(skipNul);
      }
      if (c == '\n' || c == END || c == 0) {
        return Token.INVALID;
      }
    }
  }

  /** A space then one or more bytes other than space, newline and NUL. */
  private Token lexSpacedField(int c, Token token, int nextState) {
    if (c != ' ' || !isFieldByte(next(false))) {
      return Token.INVALID;
    }
    while (isFieldByte(next(false))) {
      // The field runs to the next space, newline, NUL or the end.
    }
    state = nextState;
    return token;
  }

  private Token lexTimestamp(int c) {
    if (c == '\n') {
      return lineBreak();
    }
    if (c != ' ') {
      return Token.INVALID;
    }
    c = next(false);
    if (c == '#') {
      c = next(false);
      if (c == ' ') {
        if (next(false) != '{') {
          return Token.INVALID;
        }
        next(false);
        state = EXEMPLAR;
        return Token.COMMENT;
      }
      // Without the space, "#..." is just a (malformed) timestamp, as in 2.42.
      while (isFieldByte(c)) {
        c = next(false);
      }
      return Token.TIMESTAMP;
    }
    if (!isFieldByte(c)) {
      return Token.INVALID;
    }
    while (isFieldByte(next(false))) {
      // The timestamp runs to the next space, newline, NUL or the end.
    }
    return Token.TIMESTAMP;
  }

  private Token lineBreak() {
    next(false);
    state = INIT;
    return Token.LINEBREAK;
  }

  private static boolean isMetricNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isLabelNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isFieldByte(int c) {
    return c != ' ' && c != '\n' && c != 0 && c != END;
  }
}
