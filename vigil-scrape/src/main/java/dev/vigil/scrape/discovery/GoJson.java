package dev.vigil.scrape.discovery;

import dev.vigil.core.labels.GoQuote;
import java.util.Arrays;

/**
 * The parts of Go's {@code encoding/json} that file_sd's JSON files meet: the syntax check that
 * {@code json.Unmarshal} runs over the whole input first (Go's scanner, with its error texts and its
 * nesting limit of 10,000), and a cursor over checked input that reads strings as Go does (invalid
 * UTF-8 and lone surrogate escapes become U+FFFD) and skips values without recursion.
 */
final class GoJson {
  /** A JSON file that Go would refuse; the message is Go's. */
  static final class JsonException extends Exception {
    JsonException(String message) {
      super(message);
    }
  }

  static final int MAX_NESTING_DEPTH = 10_000;

  private GoJson() {}

  // ---- the syntax check: Go's scanner ----

  private static final int PARSE_OBJECT_KEY = 0;
  private static final int PARSE_OBJECT_VALUE = 1;
  private static final int PARSE_ARRAY_VALUE = 2;

  private enum Step {
    BEGIN_VALUE_OR_EMPTY, BEGIN_VALUE, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, END_VALUE, END_TOP,
    IN_STRING, IN_STRING_ESC, ESC_U, ESC_U1, ESC_U12, ESC_U123,
    NEG, ONE, ZERO, DOT, DOT0, E, E_SIGN, E0,
    T, TR, TRU, F, FA, FAL, FALS, N, NU, NUL, ERROR
  }

  /**
   * Go's checkValid.
   *
   * @throws JsonException with Go's SyntaxError text
   */
  static void checkValid(byte[] data) throws JsonException {
    Scanner s = new Scanner();
    for (byte b : data) {
      s.step(b & 0xFF);
      if (s.error != null) {
        throw new JsonException(s.error);
      }
    }
    s.eof();
    if (s.error != null) {
      throw new JsonException(s.error);
    }
  }

  private static final class Scanner {
    Step step = Step.BEGIN_VALUE;
    int[] parseState = new int[16];
    int depth;
    boolean endTop;
    String error;

    void eof() {
      if (error != null) {
        return;
      }
      if (endTop) {
        return;
      }
      step(' ');
      if (endTop) {
        return;
      }
      if (error == null) {
        error = "unexpected end of JSON input";
      }
    }

    void fail(int c, String context) {
      step = Step.ERROR;
      error = "invalid character " + quoteChar(c) + " " + context;
    }

    void push(int c, int state, Step next) {
      if (depth == parseState.length) {
        parseState = Arrays.copyOf(parseState, depth * 2);
      }
      parseState[depth++] = state;
      if (depth <= MAX_NESTING_DEPTH) {
        step = next;
      } else {
        fail(c, "exceeded max depth");
      }
    }

    void pop() {
      depth--;
      if (depth == 0) {
        step = Step.END_TOP;
        endTop = true;
      } else {
        step = Step.END_VALUE;
      }
    }

    void step(int c) {
      switch (step) {
        case BEGIN_VALUE_OR_EMPTY:
          if (isSpace(c)) {
            return;
          }
          if (c == ']') {
            endValue(c);
            return;
          }
          beginValue(c);
          return;
        case BEGIN_VALUE:
          beginValue(c);
          return;
        case BEGIN_STRING_OR_EMPTY:
          if (isSpace(c)) {
            return;
          }
          if (c == '}') {
            parseState[depth - 1] = PARSE_OBJECT_VALUE;
            endValue(c);
            return;
          }
          beginString(c);
          return;
        case BEGIN_STRING:
          beginString(c);
          return;
        case END_VALUE:
          endValue(c);
          return;
        case END_TOP:
          endTop(c);
          return;
        case IN_STRING:
          if (c == '"') {
            step = Step.END_VALUE;
          } else if (c == '\\') {
            step = Step.IN_STRING_ESC;
          } else if (c < 0x20) {
            fail(c, "in string literal");
          }
          return;
        case IN_STRING_ESC:
          switch (c) {
            case 'b': case 'f': case 'n': case 'r': case 't': case '\\': case '/': case '"':
              step = Step.IN_STRING;
              return;
            case 'u':
              step = Step.ESC_U;
              return;
            default:
              fail(c, "in string escape code");
              return;
          }
        case ESC_U:
          hex(c, Step.ESC_U1);
          return;
        case ESC_U1:
          hex(c, Step.ESC_U12);
          return;
        case ESC_U12:
          hex(c, Step.ESC_U123);
          return;
        case ESC_U123:
          hex(c, Step.IN_STRING);
          return;
        case NEG:
          if (c == '0') {
            step = Step.ZERO;
          } else if (c >= '1' && c <= '9') {
            step = Step.ONE;
          } else {
            fail(c, "in numeric literal");
          }
          return;
        case ONE:
          if (c >= '0' && c <= '9') {
            return;
          }
          zero(c);
          return;
        case ZERO:
          zero(c);
          return;
        case DOT:
          if (c >= '0' && c <= '9') {
            step = Step.DOT0;
          } else {
            fail(c, "after decimal point in numeric literal");
          }
          return;
        case DOT0:
          if (c >= '0' && c <= '9') {
            return;
          }
          if (c == 'e' || c == 'E') {
            step = Step.E;
            return;
          }
          endValue(c);
          return;
        case E:
          if (c == '+' || c == '-') {
            step = Step.E_SIGN;
            return;
          }
          eSign(c);
          return;
        case E_SIGN:
          eSign(c);
          return;
        case E0:
          if (c >= '0' && c <= '9') {
            return;
          }
          endValue(c);
          return;
        case T:
          literal(c, 'r', Step.TR, "in literal true (expecting 'r')");
          return;
        case TR:
          literal(c, 'u', Step.TRU, "in literal true (expecting 'u')");
          return;
        case TRU:
          literal(c, 'e', Step.END_VALUE, "in literal true (expecting 'e')");
          return;
        case F:
          literal(c, 'a', Step.FA, "in literal false (expecting 'a')");
          return;
        case FA:
          literal(c, 'l', Step.FAL, "in literal false (expecting 'l')");
          return;
        case FAL:
          literal(c, 's', Step.FALS, "in literal false (expecting 's')");
          return;
        case FALS:
          literal(c, 'e', Step.END_VALUE, "in literal false (expecting 'e')");
          return;
        case N:
          literal(c, 'u', Step.NU, "in literal null (expecting 'u')");
          return;
        case NU:
          literal(c, 'l', Step.NUL, "in literal null (expecting 'l')");
          return;
        case NUL:
          literal(c, 'l', Step.END_VALUE, "in literal null (expecting 'l')");
          return;
        case ERROR:
        default:
          return;
      }
    }

    private void literal(int c, int expected, Step next, String context) {
      if (c == expected) {
        step = next;
      } else {
        fail(c, context);
      }
    }

    private void hex(int c, Step next) {
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
        step = next;
      } else {
        fail(c, "in \\u hexadecimal character escape");
      }
    }

    private void zero(int c) {
      if (c == '.') {
        step = Step.DOT;
      } else if (c == 'e' || c == 'E') {
        step = Step.E;
      } else {
        endValue(c);
      }
    }

    private void eSign(int c) {
      if (c >= '0' && c <= '9') {
        step = Step.E0;
      } else {
        fail(c, "in exponent of numeric literal");
      }
    }

    private void beginValue(int c) {
      if (isSpace(c)) {
        step = Step.BEGIN_VALUE;
        return;
      }
      switch (c) {
        case '{':
          push(c, PARSE_OBJECT_KEY, Step.BEGIN_STRING_OR_EMPTY);
          return;
        case '[':
          push(c, PARSE_ARRAY_VALUE, Step.BEGIN_VALUE_OR_EMPTY);
          return;
        case '"':
          step = Step.IN_STRING;
          return;
        case '-':
          step = Step.NEG;
          return;
        case '0':
          step = Step.ZERO;
          return;
        case 't':
          step = Step.T;
          return;
        case 'f':
          step = Step.F;
          return;
        case 'n':
          step = Step.N;
          return;
        default:
          if (c >= '1' && c <= '9') {
            step = Step.ONE;
            return;
          }
          fail(c, "looking for beginning of value");
      }
    }

    private void beginString(int c) {
      if (isSpace(c)) {
        step = Step.BEGIN_STRING;
        return;
      }
      if (c == '"') {
        step = Step.IN_STRING;
        return;
      }
      fail(c, "looking for beginning of object key string");
    }

    private void endValue(int c) {
      if (depth == 0) {
        step = Step.END_TOP;
        endTop = true;
        endTop(c);
        return;
      }
      if (isSpace(c)) {
        step = Step.END_VALUE;
        return;
      }
      switch (parseState[depth - 1]) {
        case PARSE_OBJECT_KEY:
          if (c == ':') {
            parseState[depth - 1] = PARSE_OBJECT_VALUE;
            step = Step.BEGIN_VALUE;
            return;
          }
          fail(c, "after object key");
          return;
        case PARSE_OBJECT_VALUE:
          if (c == ',') {
            parseState[depth - 1] = PARSE_OBJECT_KEY;
            step = Step.BEGIN_STRING;
            return;
          }
          if (c == '}') {
            pop();
            return;
          }
          fail(c, "after object key:value pair");
          return;
        default:
          if (c == ',') {
            step = Step.BEGIN_VALUE;
            return;
          }
          if (c == ']') {
            pop();
            return;
          }
          fail(c, "after array element");
      }
    }

    private void endTop(int c) {
      if (!isSpace(c)) {
        fail(c, "after top-level value");
      }
    }
  }

  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Go's quoteChar: a byte as a quoted character, read as the rune of that value. */
  static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String quoted = GoQuote.quote(new String(Character.toChars(c)));
    return "'" + quoted.substring(1, quoted.length() - 1) + "'";
  }

  // ---- reading checked input ----

  /** A position in input that passed {@link #checkValid}. */
  static final class Cursor {
    final byte[] data;
    int pos;
    final int end;

    Cursor(byte[] data, int start, int end) {
      this.data = data;
      this.pos = start;
      this.end = end;
    }

    void skipSpace() {
      while (pos < end && isSpace(data[pos])) {
        pos++;
      }
    }

    /** The first byte of the next value, after spaces. */
    int peek() {
      skipSpace();
      return data[pos] & 0xFF;
    }

    /** Consumes one byte (a bracket, colon or comma), after spaces. */
    void expect(int c) {
      skipSpace();
      if ((data[pos] & 0xFF) != c) {
        throw new IllegalStateException("checked JSON has no " + (char) c + " at " + pos);
      }
      pos++;
    }

    /** After an element or member: true when another follows (and consumes the comma). */
    boolean more(int close) {
      skipSpace();
      int c = data[pos] & 0xFF;
      if (c == ',') {
        pos++;
        return true;
      }
      if (c == close) {
        pos++;
        return false;
      }
      throw new IllegalStateException("checked JSON has " + (char) c + " at " + pos);
    }

    /** Whether an array or object just opened is empty (and consumes its close). */
    boolean empty(int close) {
      skipSpace();
      if ((data[pos] & 0xFF) == close) {
        pos++;
        return true;
      }
      return false;
    }

    /** Skips one value of any depth, without recursion. */
    void skipValue() {
      skipSpace();
      int depth = 0;
      do {
        int c = data[pos] & 0xFF;
        if (c == '"') {
          skipString();
        } else if (c == '[' || c == '{') {
          depth++;
          pos++;
        } else if (c == ']' || c == '}') {
          depth--;
          pos++;
        } else if (isSpace(c) || c == ',' || c == ':') {
          pos++;
        } else {
          while (pos < end && !isDelimiter(data[pos] & 0xFF)) {
            pos++;
          }
        }
      } while (depth > 0);
    }

    private static boolean isDelimiter(int c) {
      return isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':';
    }

    private void skipString() {
      pos++;
      while (true) {
        int c = data[pos++] & 0xFF;
        if (c == '\\') {
          pos++;
        } else if (c == '"') {
          return;
        }
      }
    }

    /** Reads a string value as Go's unquote does. */
    String string() {
      skipSpace();
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        int c = data[pos] & 0xFF;
        if (c == '"') {
          pos++;
          return out.toString();
        }
        if (c == '\\') {
          int e = data[pos + 1] & 0xFF;
          pos += 2;
          switch (e) {
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u': {
              int r = hex4(pos);
              pos += 4;
              if (Character.isSurrogate((char) r)) {
                int r2 = pos + 6 <= end && data[pos] == '\\' && data[pos + 1] == 'u' ? hex4(pos + 2) : -1;
                if (Character.isHighSurrogate((char) r) && r2 >= 0 && Character.isLowSurrogate((char) r2)) {
                  out.append((char) r).append((char) r2);
                  pos += 6;
                } else {
                  out.append('\uFFFD');
                }
              } else {
                out.append((char) r);
              }
              break;
            }
            default:
              out.append((char) e);
          }
        } else if (c < 0x80) {
          out.append((char) c);
          pos++;
        } else {
          long decoded = decodeRune(data, pos, end);
          out.appendCodePoint((int) (decoded >>> 8));
          pos += (int) (decoded & 0xFF);
        }
      }
    }

    private int hex4(int at) {
      if (at + 4 > end) {
        return -1;
      }
      int r = 0;
      for (int i = at; i < at + 4; i++) {
        int d = Character.digit(data[i], 16);
        if (d < 0) {
          return -1;
        }
        r = r * 16 + d;
      }
      return r;
    }
  }

  /**
   * Go's utf8.DecodeRune: the rune at {@code pos} shifted left by 8, or'ed with its byte width; an
   * invalid or incomplete sequence decodes as U+FFFD of width 1.
   */
  static long decodeRune(byte[] data, int pos, int end) {
    int b0 = data[pos] & 0xFF;
    if (b0 < 0x80) {
      return ((long) b0 << 8) | 1;
    }
    int width;
    int lo = 0x80;
    int hi = 0xBF;
    int rune;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      width = 2;
      rune = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      width = 3;
      rune = b0 & 0x0F;
      if (b0 == 0xE0) {
        lo = 0xA0;
      } else if (b0 == 0xED) {
        hi = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      width = 4;
      rune = b0 & 0x07;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return (0xFFFDL << 8) | 1;
    }
    if (pos + width > end) {
      return (0xFFFDL << 8) | 1;
    }
    for (int i = 1; i < width; i++) {
      int b = data[pos + i] & 0xFF;
      int min = i == 1 ? lo : 0x80;
      int max = i == 1 ? hi : 0xBF;
      if (b < min || b > max) {
        return (0xFFFDL << 8) | 1;
      }
      rune = (rune << 6) | (b & 0x3F);
    }
    return ((long) rune << 8) | width;
  }
}
