package dev.vigil.promql.parser;

/**
 * Splits a query into tokens with the states and the error messages of Prometheus's lexer. What a
 * character means depends on where it is: inside braces keywords are plain identifiers, right after
 * {@code [} only a duration may follow, and between brackets a letter stands for the colon of a
 * subquery (Prometheus reads {@code foo[5m y]} as {@code foo[5m:]}, and so does Vigil).
 *
 * <p>After an {@link TokenType#ERROR} token the lexer must not be asked for more: the parser stops
 * at the first error, which is the only one Prometheus reports.
 */
final class Lexer {
  private static final int EOF = -1;
  private static final String DIGITS = "0123456789";
  private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

  private enum State {
    STATEMENTS,
    DURATION
  }

  private final QueryText query;
  private final String input;
  private State state = State.STATEMENTS;
  private int pos;
  private int start;
  private int width;
  private int parenDepth;
  private boolean braceOpen;
  private boolean bracketOpen;
  private boolean gotColon;

  Lexer(QueryText query) {
    this.query = query;
    this.input = query.text();
  }

  /** The next token, comments included. */
  Token next() {
    Token token = null;
    while (token == null) {
      if (state == State.DURATION) {
        state = State.STATEMENTS;
        token = duration();
      } else if (braceOpen) {
        token = insideBraces();
      } else {
        token = statements();
      }
    }
    return token;
  }

  private Token statements() {
    if (input.startsWith("#", pos)) {
      return lineComment();
    }
    int r = nextRune();
    switch (r) {
      case EOF:
        if (parenDepth != 0) {
          return error("unclosed left parenthesis");
        }
        if (bracketOpen) {
          return error("unclosed left bracket");
        }
        return emit(TokenType.EOF);
      case ',':
        return emit(TokenType.COMMA);
      case ' ', '\t', '\n', '\r':
        skipSpaces();
        return null;
      case '*':
        return emit(TokenType.MUL);
      case '/':
        return emit(TokenType.DIV);
      case '%':
        return emit(TokenType.MOD);
      case '+':
        return emit(TokenType.ADD);
      case '-':
        return emit(TokenType.SUB);
      case '^':
        return emit(TokenType.POW);
      case '=':
        return afterEquals();
      case '!':
        int t = nextRune();
        if (t == '=') {
          return emit(TokenType.NEQ);
        }
        return error("unexpected character after '!': " + GoText.quoteRune(t));
      case '<':
        return emit(accept("=") ? TokenType.LTE : TokenType.LSS);
      case '>':
        return emit(accept("=") ? TokenType.GTE : TokenType.GTR);
      case '"', '\'':
        return quotedString(r);
      case '`':
        return rawString();
      case '(':
        parenDepth++;
        return emit(TokenType.LEFT_PAREN);
      case ')':
        return rightParen();
      case '{':
        braceOpen = true;
        return emit(TokenType.LEFT_BRACE);
      case '[':
        return leftBracket();
      case ']':
        if (!bracketOpen) {
          return error("unexpected right bracket ']'");
        }
        bracketOpen = false;
        return emit(TokenType.RIGHT_BRACKET);
      case '@':
        return emit(TokenType.AT);
      default:
        return wordOrNumber(r);
    }
  }

  private Token afterEquals() {
    int t = peek();
    if (t == '=') {
      nextRune();
      return emit(TokenType.EQLC);
    }
    if (t == '~') {
      return error("unexpected character after '=': " + GoText.quoteRune(t));
    }
    return emit(TokenType.EQL);
  }

  private Token rightParen() {
    Token paren = emit(TokenType.RIGHT_PAREN);
    parenDepth--;
    if (parenDepth < 0) {
      // Prometheus reports this after the parenthesis, where the next token would start.
      return error("unexpected right parenthesis ')'");
    }
    return paren;
  }

  private Token leftBracket() {
    if (bracketOpen) {
      return error("unexpected left bracket '['");
    }
    gotColon = false;
    Token bracket = emit(TokenType.LEFT_BRACKET);
    skipSpaces();
    bracketOpen = true;
    state = State.DURATION;
    return bracket;
  }

  private Token wordOrNumber(int r) {
    if (isDigit(r) || (r == '.' && isDigit(peek()))) {
      backup();
      return numberOrDuration();
    }
    if (isAlpha(r) || r == ':') {
      if (!bracketOpen) {
        backup();
        return keywordOrIdentifier();
      }
      if (gotColon) {
        return error("unexpected colon " + GoText.quoteRune(r));
      }
      gotColon = true;
      return emit(TokenType.COLON);
    }
    return error("unexpected character: " + GoText.quoteRune(r));
  }

  private Token insideBraces() {
    if (input.startsWith("#", pos)) {
      return lineComment();
    }
    int r = nextRune();
    switch (r) {
      case EOF:
        return error("unexpected end of input inside braces");
      case ' ', '\t', '\n', '\r':
        skipSpaces();
        return null;
      case ',':
        return emit(TokenType.COMMA);
      case '"', '\'':
        return quotedString(r);
      case '`':
        return rawString();
      case '=':
        if (nextRune() == '~') {
          return emit(TokenType.EQL_REGEX);
        }
        backup();
        return emit(TokenType.EQL);
      case '!':
        int nr = nextRune();
        if (nr == '~') {
          return emit(TokenType.NEQ_REGEX);
        }
        if (nr == '=') {
          return emit(TokenType.NEQ);
        }
        return error("unexpected character after '!' inside braces: " + GoText.quoteRune(nr));
      case '{':
        return error("unexpected left brace '{'");
      case '}':
        braceOpen = false;
        return emit(TokenType.RIGHT_BRACE);
      default:
        if (isAlpha(r)) {
          return identifier();
        }
        return error("unexpected character inside braces: " + GoText.quoteRune(r));
    }
  }

  private Token lineComment() {
    pos++;
    int r = nextRune();
    while (r != '\r' && r != '\n' && r != EOF) {
      r = nextRune();
    }
    backup();
    return emit(TokenType.COMMENT);
  }

  private Token quotedString(int quote) {
    while (true) {
      int r = nextRune();
      if (r == '\\') {
        String escapeError = escape(quote);
        if (escapeError != null) {
          return error(escapeError);
        }
      } else if (r == GoText.RUNE_ERROR) {
        return error("invalid UTF-8 rune");
      } else if (r == EOF || r == '\n') {
        return error("unterminated quoted string");
      } else if (r == quote) {
        return emit(TokenType.STRING);
      }
    }
  }

  /** Checks the escape after a backslash; returns the error message, or null when it is valid. */
  private String escape(int quote) {
    int ch = nextRune();
    int digits;
    int base;
    int max;
    switch (ch) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
        return null;
      case '0', '1', '2', '3', '4', '5', '6', '7':
        digits = 3;
        base = 8;
        max = 255;
        break;
      case 'x':
        ch = nextRune();
        digits = 2;
        base = 16;
        max = 255;
        break;
      case 'u':
        ch = nextRune();
        digits = 4;
        base = 16;
        max = Character.MAX_CODE_POINT;
        break;
      case 'U':
        ch = nextRune();
        digits = 8;
        base = 16;
        max = Character.MAX_CODE_POINT;
        break;
      case EOF:
        return "escape sequence not terminated";
      default:
        return ch == quote ? null : "unknown escape sequence " + GoText.unicodeVerbose(ch);
    }
    long value = 0;
    for (int left = digits; left > 0; left--) {
      int d = digitValue(ch);
      if (d >= base) {
        return ch == EOF ? "escape sequence not terminated" : "illegal character " + GoText.unicodeVerbose(ch)
            + " in escape sequence";
      }
      value = value * base + d;
      if (left > 1) {
        ch = nextRune();
      }
    }
    if (value > max || (value >= 0xD800 && value < 0xE000)) {
      return "escape sequence is an invalid Unicode code point";
    }
    return null;
  }

  private Token rawString() {
    while (true) {
      int r = nextRune();
      if (r == GoText.RUNE_ERROR) {
        return error("invalid UTF-8 rune");
      }
      if (r == EOF) {
        return error("unterminated raw string");
      }
      if (r == '`') {
        return emit(TokenType.STRING);
      }
    }
  }

  private Token duration() {
    if (scanNumber()) {
      return error("missing unit character in duration");
    }
    if (!acceptRemainingDuration()) {
      return error("bad duration syntax: " + GoText.quote(input.substring(start, pos)));
    }
    backup();
    return emit(TokenType.DURATION);
  }

  private Token numberOrDuration() {
    if (scanNumber()) {
      return emit(TokenType.NUMBER);
    }
    if (acceptRemainingDuration()) {
      backup();
      return emit(TokenType.DURATION);
    }
    return error("bad number or duration syntax: " + GoText.quote(input.substring(start, pos)));
  }

  /**
   * Consumes what looks like a number: hexadecimal after {@code 0x}, else decimal with an optional
   * fraction and exponent. True when no letter or digit follows; the text may still be invalid.
   */
  private boolean scanNumber() {
    String digits = DIGITS;
    if (accept("0") && accept("xX")) {
      digits = HEX_DIGITS;
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (accept("eE")) {
      accept("+-");
      acceptRun(DIGITS);
    }
    return !isAlphaNumeric(peek());
  }

  /** The unit part of a duration, with further number-unit pairs; years only come first. */
  private boolean acceptRemainingDuration() {
    if (!accept("smhdwy")) {
      return false;
    }
    accept("s");
    while (accept(DIGITS)) {
      acceptRun(DIGITS);
      if (!accept("smhdw")) {
        return false;
      }
      accept("s");
    }
    return !isAlphaNumeric(nextRune());
  }

  private Token identifier() {
    while (isAlphaNumeric(nextRune())) {
      // Letters, digits and underscores belong to the label name.
    }
    backup();
    return emit(TokenType.IDENTIFIER);
  }

  private Token keywordOrIdentifier() {
    int r = nextRune();
    while (isAlphaNumeric(r) || r == ':') {
      r = nextRune();
    }
    backup();
    String word = input.substring(start, pos);
    TokenType keyword = TokenType.ofWord(word);
    if (keyword != null) {
      return emit(keyword);
    }
    return emit(word.indexOf(':') >= 0 ? TokenType.METRIC_IDENTIFIER : TokenType.IDENTIFIER);
  }

  private void skipSpaces() {
    while (isSpace(peek())) {
      nextRune();
    }
    start = pos;
  }

  private int nextRune() {
    if (pos >= input.length()) {
      width = 0;
      return EOF;
    }
    char c = input.charAt(pos);
    if (Character.isHighSurrogate(c) && pos + 1 < input.length() && Character.isLowSurrogate(input.charAt(pos + 1))) {
      width = 2;
      pos += 2;
      return Character.toCodePoint(c, input.charAt(pos - 1));
    }
    width = 1;
    pos++;
    return Character.isSurrogate(c) ? GoText.RUNE_ERROR : c;
  }

  private int peek() {
    int r = nextRune();
    backup();
    return r;
  }

  private void backup() {
    pos -= width;
  }

  private boolean accept(String valid) {
    int r = nextRune();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // Consume the whole run.
    }
  }

  private Token emit(TokenType type) {
    int from = query.byteOffset(start);
    Token token = new Token(type, from, query.byteOffset(pos) - from, input.substring(start, pos));
    start = pos;
    return token;
  }

  private Token error(String message) {
    return new Token(TokenType.ERROR, query.byteOffset(start), 0, message);
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\n' || r == '\r';
  }

  /** The value of an ASCII hexadecimal digit, or 16 for anything else. */
  private static int digitValue(int r) {
    if (r >= '0' && r <= '9') {
      return r - '0';
    }
    if (r >= 'a' && r <= 'f') {
      return r - 'a' + 10;
    }
    if (r >= 'A' && r <= 'F') {
      return r - 'A' + 10;
    }
    return 16;
  }

  private static boolean isDigit(int r) {
    return r >= '0' && r <= '9';
  }

  private static boolean isAlpha(int r) {
    return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  }

  private static boolean isAlphaNumeric(int r) {
    return isAlpha(r) || isDigit(r);
  }

  /** Whether a name is a valid label name, the check Prometheus makes on grouping labels. */
  static boolean isLabel(String s) {
    if (s.isEmpty() || !isAlpha(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isAlphaNumeric(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
